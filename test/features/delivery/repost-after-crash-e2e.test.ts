import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { OutboxOptions } from '../../../src/outbox/outbox.js'
import { openSandbox, ROOT, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

// The sandbox world has three groups: for this test all three are owner groups.
const GROUPS = ['阳光花园业主群', '物业服务群', '四位一体工作群']
const STATEMENT = '[文件] 收支公示-2026H2-第1版.png'

async function threeGroupCompound (): Promise<string> {
  const yaml = await readFile(path.join(ROOT, 'config/compound.yaml'), 'utf8')
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'xiaoqu-compound-')), 'compound.yaml')
  await writeFile(file, yaml.replace(/owner_groups:\n {2}- room_topic: 阳光花园业主群\n/, `owner_groups:\n${GROUPS.map(g => `  - room_topic: ${g}\n`).join('')}`))
  return file
}

const opened: Harness[] = []
afterEach(async () => { for (const h of opened.splice(0)) await h.dispose().catch(() => {}) })

describe('a statement broadcast cut by a crash', () => {
  it('tells the chair which group is unconfirmed, and /公示 补发 resends exactly that part', async () => {
    const env = { COMPOUND_FILE: await threeGroupCompound() }
    // not disposed: it dies below (its data directory is the next starts')
    const first = await openSandbox({ env })
    await first.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx', ':clock 2027-01-05 09:30')

    // The table image to the second group never returns: the process dies during that send.
    const o = (first.session.runtime.outbox as unknown as { o: OutboxOptions }).o
    const real = o.transport
    let hung!: () => void
    const hanging = new Promise<void>(resolve => { hung = resolve })
    o.transport = {
      ...real,
      async sendRoom (roomId, content, mention) {
        if (roomId === 'yangguang-property@chatroom' && typeof content !== 'string') {
          hung()
          await new Promise(() => {})
        }
        await real.sendRoom(roomId, content, mention)
      }
    }
    void first.run(':as 赵主任', ':dm', '/公示 发布')
    await hanging
    await first.session.runtime.storage.abandon() // kill -9: nothing after this reaches the disk
    await first.session.runtime.stop()
    const before = (g: string): string[] => textsIn(first.sent, g)
    expect(before(GROUPS[0]!).at(-1)).toBe(STATEMENT)
    expect(before(GROUPS[1]!).length).toBeGreaterThan(0)
    expect(before(GROUPS[1]!)).not.toContain(STATEMENT)
    expect(before(GROUPS[2]!)).toEqual([])

    const second = await openSandbox({ dataDir: first.dataDir, env })
    opened.push(second)
    // what was only queued goes out by itself; the part caught mid-send does not
    expect(textsIn(second.sent, GROUPS[0]!)).toEqual([])
    expect(textsIn(second.sent, GROUPS[1]!)).toEqual([])
    expect(textsIn(second.sent, GROUPS[2]!)).toEqual(before(GROUPS[0]!))
    const told = textsIn(second.sent, '私聊 赵主任').filter(t => t.includes('【发送中断】'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(/· 物业服务群：收支公示第1版（第\d+条）（编号\d+）——发送「\/公示 补发」重发公示未确认的部分/)

    const repaired = await second.run(':as 赵主任', ':dm', '/公示 补发')
    expect(textsIn(repaired, GROUPS[1]!)).toEqual([STATEMENT])
    expect(textsIn(repaired, GROUPS[0]!)).toEqual([])
    expect(textsIn(repaired, GROUPS[2]!)).toEqual([])
    expect(textsIn(repaired, '私聊 赵主任').join('\n')).toContain('上次未能确认送达的1条消息，正在重发到：物业服务群')

    const again = await second.run('/公示 补发')
    expect(textsIn(again, '私聊 赵主任')[0]).toContain('已经发到所有业主群，不再重复发送')
    // a restart does not report it again
    await second.close()
    const third = await openSandbox({ dataDir: first.dataDir, env })
    opened.push(third)
    expect(third.sent.filter(m => m.text.includes('【发送中断】'))).toEqual([])
  })
})
