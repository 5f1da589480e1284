import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Storage } from '../../src/storage/storage.js'

const journalRecords = async (dir: string) =>
  (await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean).map(l => JSON.parse(l.slice(9)))

describe('group commit', () => {
  it('changes made together share one journal write; a commit called during a write waits for the next', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-group-'))
    const storage = new Storage(dir, undefined, { delayMs: 60_000, checkpointMs: 60_000 })
    const s = await storage.open('n', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
    const log = await storage.openLog<{ i: number }>('events', { schema: z.object({ i: z.number() }) })
    const handlers = Array.from({ length: 20 }, async (_, i) => {
      s.update(d => { d.n++ })
      log.append('day', { i })
      await storage.commit()
    })
    await Promise.all(handlers)
    expect(await journalRecords(dir)).toHaveLength(1)

    const first = storage.commit() // nothing new: resolves without a write
    s.update(d => { d.n = 100 })
    const during = storage.commit() // the change above is not in any write yet
    await Promise.all([first, during])
    const records = await journalRecords(dir)
    expect(records).toHaveLength(2)
    expect(records[1].d.n.data.n).toBe(100)
    await storage.close()
  })

  it('a commit during a journal write is not resolved by that write', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-group-'))
    const storage = new Storage(dir, undefined, { delayMs: 60_000, checkpointMs: 60_000 })
    const s = await storage.open('n', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
    s.update(d => { d.n = 1 })
    const writing = storage.commit() // starts the write of n = 1
    await Promise.resolve()
    s.update(d => { d.n = 2 })
    await storage.commit()
    const records = await journalRecords(dir)
    expect(records.at(-1).d.n.data.n).toBe(2)
    await writing
    await storage.close()
  })

  it('one commit of more log lines than a function call takes arguments', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-group-'))
    const storage = new Storage(dir, undefined, { delayMs: 60_000, checkpointMs: 60_000 })
    const log = await storage.openLog<number>('events', { schema: z.number() })
    for (let i = 0; i < 150_000; i++) log.append('day', i)
    await storage.commit()
    await storage.checkpoint()
    const lines = (await readFile(path.join(dir, 'events', 'day.jsonl'), 'utf8')).split('\n')
    expect(lines).toHaveLength(150_001)
    expect(lines[149_999]).toBe('149999')
    await storage.close()
  })
})
