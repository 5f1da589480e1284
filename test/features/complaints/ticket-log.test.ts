import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyTicketAction } from '../../../src/complaints/apply-ticket-action.js'
import { TicketStore } from '../../../src/features/complaints/ticket-store.js'
import { Storage } from '../../../src/storage/storage.js'
import { deadlines, makeTicket, sh } from '../../complaints/make-ticket.js'
import { openSandbox } from '../../helpers/sandbox-harness.js'

const close = (t: ReturnType<typeof makeTicket>) => {
  const r = applyTicketAction(t, 'close', { actorId: 'wxid_liu', now: sh('2026-11-03 10:00'), note: '修好了', deadlines })
  if (!r.ok) throw new Error(r.reason)
  return { ...r.ticket, ratingAskedAt: null }
}

describe('ticket log', () => {
  it('finds old tickets after they left memory, keeps changes to them, and compacts a busy partition', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-tickets-'))
    let storage = new Storage(dir)
    let store = await TicketStore.load(storage)
    for (let i = 0; i < 4_000; i++) {
      const t = await store.create(no => makeTicket({ no, complainantId: `wxid_${no % 7}` }))
      store.save(close(t))
    }
    // Reading many old partitions keeps only a few; a closed ticket from the first is changed.
    for (let no = 1; no <= 4_000; no += 500) expect((await store.get(no))?.no).toBe(no)
    const first = (await store.get(1))!
    store.save({ ...first, text: '改过的' })
    await storage.close()
    // Two lines per ticket (created, closed): compacted to one at the next start.
    const lines = async () => (await readFile(path.join(dir, 'tickets', '0000.jsonl'), 'utf8')).trim().split('\n').length
    expect(await lines()).toBe(1_001)
    storage = new Storage(dir)
    store = await TicketStore.load(storage)
    expect(store.size).toBe(4_000)
    expect((await store.get(1))?.text).toBe('改过的')
    expect((await store.ticketsOf('wxid_1', sh('2026-01-01 00:00'), 5)).map(t => t.no)).toEqual([3998, 3991, 3984, 3977, 3970])
    await storage.close()
    expect(await lines()).toBe(500)
  })

  it('a damaged ticket partition stops the start, naming it; the file is untouched', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-tickets-'))
    await mkdir(path.join(dir, 'tickets'))
    const text = JSON.stringify(makeTicket({ no: 3501 })) + '\n{"no":3502,"te'
    await writeFile(path.join(dir, 'tickets', '0007.jsonl'), text)
    await expect(openSandbox({ dataDir: dir })).rejects.toThrow(/tickets\/0007\.jsonl/)
    expect(await readFile(path.join(dir, 'tickets', '0007.jsonl'), 'utf8')).toBe(text)
  })
})
