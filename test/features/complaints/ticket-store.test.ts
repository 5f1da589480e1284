import { afterEach, describe, expect, it } from 'vitest'
import { deskOf } from '../../../src/features/complaints/desk.js'
import { burstComplaints } from '../../helpers/complaint-burst.js'
import { openOnMonday, OWNERS } from '../../complaints/complaint-sandbox.js'
import { type Harness, openSandbox, textsIn } from '../../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('ticket store', () => {
  it('gives 100 complaints arriving at once 100 tickets, 100 numbers and 100 cards', async () => {
    h = await openOnMonday()
    expect(await burstComplaints(h, 100)).toEqual({ stored: 100, distinct_numbers: 100, cards: 100 })
    // All on disk with their numbers: a restart finds the same 100 and carries on at #101.
    const dataDir = h.dataDir
    await h.close()
    h = await openSandbox({ dataDir })
    const desk = await deskOf(h.session.runtime.app)
    expect(desk.store.size).toBe(100)
    expect(new Set(desk.store.openTickets().map(t => t.no)).size).toBe(100)
    const next = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '投诉 东门道闸坏了')
    expect(textsIn(next, OWNERS).join('\n')).toContain('已登记 #101')
  })

  it('rebuilds its index from the tickets, not from complaints.json', async () => {
    h = await openOnMonday()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '投诉 5号楼大堂灯坏了')
    const dataDir = h.dataDir
    await h.close()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dataDir}/complaints.json`, JSON.stringify({ schemaVersion: 1, data: { nextNo: 1, open: [], rating: [] } }))
    h = await openSandbox({ dataDir })
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '投诉 6号楼大堂灯坏了', ':dm', ':as 张阿姨', '/我的工单')
    expect(textsIn(out, OWNERS).join('\n')).toContain('已登记 #2')
    expect(textsIn(out, '私聊 张阿姨').join('\n')).toContain('#1')
  })

  it('moves the tickets of old chunk files into the log once, keeping their numbers', async () => {
    h = await openOnMonday()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '投诉 5号楼大堂灯坏了', ':as 李先生', '投诉 6号楼大堂灯坏了')
    const tickets = [(await deskOf(h.session.runtime.app)).store.openTickets()]
    const dataDir = h.dataDir
    await h.close()
    const { rm, writeFile, readFile } = await import('node:fs/promises')
    await rm(`${dataDir}/tickets`, { recursive: true })
    await writeFile(`${dataDir}/complaints-tickets-0000.json`, JSON.stringify({ schemaVersion: 1, data: { tickets: tickets[0] } }))
    for (let run = 0; run < 2; run++) {
      h = await openSandbox({ dataDir })
      const desk = await deskOf(h.session.runtime.app)
      expect(desk.store.openTickets().map(t => t.text)).toEqual(['5号楼大堂灯坏了', '6号楼大堂灯坏了'])
      await h.close()
    }
    expect(JSON.parse(await readFile(`${dataDir}/complaints-tickets-0000.json`, 'utf8')).data.tickets).toEqual([])
    h = await openSandbox({ dataDir })
    const next = await h.run(`:in ${OWNERS}`, ':as 王女士', '投诉 7号楼大堂灯坏了')
    expect(textsIn(next, OWNERS).join('\n')).toContain('已登记 #3')
  })

  it('keeps both of two actions on one ticket that arrive together', async () => {
    h = await openOnMonday()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '投诉 5号楼大堂灯坏了')
    const world = (h.session as any).world
    const ids: string[] = ['/受理 1', '/回复 1 师傅下午两点到场'].map(text => world.say('wxid_liu_jingli', { roomId: 'yangguang-property@chatroom' }, text).id)
    await Promise.all(ids.map(async id => await h!.session.runtime.handled(id)))
    await h.session.settle()
    const ticket = await (await deskOf(h.session.runtime.app)).store.get(1)
    expect(ticket!.history.map(e => e.kind)).toEqual(['create', 'acknowledge', 'reply'])
  })

  it('files the same report sent twenty times at once once, and says "already reported" once', async () => {
    h = await openOnMonday()
    const world = (h.session as any).world
    const ids: string[] = Array.from({ length: 20 }, () => world.say('wxid_li_xiansheng', { roomId: 'yangguang-owners@chatroom' }, '投诉 7号楼大堂灯坏了').id)
    await Promise.all(ids.map(async id => await h!.session.runtime.handled(id)))
    await h.session.settle()
    expect((await deskOf(h.session.runtime.app)).store.size).toBe(1)
    const group = textsIn(h.sent, OWNERS)
    expect(group.filter(t => t.includes('已登记 #1'))).toHaveLength(1)
    expect(group.filter(t => t.includes('您已反映过这件事'))).toHaveLength(1)
    expect(group).toHaveLength(2)
    expect(textsIn(h.sent, '物业服务群').filter(t => t.includes('#1'))).toHaveLength(1)
  })

  it('stops one person at the hourly limit even when the complaints arrive together', async () => {
    h = await openOnMonday()
    const world = (h.session as any).world
    const ids: string[] = Array.from({ length: 8 }, (_, i) => world.say('wxid_li_xiansheng', { roomId: 'yangguang-owners@chatroom' }, `投诉 ${i + 1}号楼大堂灯坏了`).id)
    await Promise.all(ids.map(async id => await h!.session.runtime.handled(id)))
    await h.session.settle()
    const desk = await deskOf(h.session.runtime.app)
    expect(desk.store.size).toBe(5)
    // the three over the limit are refused; the refusal is said once an hour, not three times
    expect(textsIn(h.sent, OWNERS).filter(t => t.includes('一小时内已反映了 5 件事'))).toHaveLength(1)
  })
})
