import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Storage } from '../../src/storage/storage.js'

// Light changes (seen ids, sessions, the queue marks of a plain answer) must be in the journal
// before a send, so a killed process loses none of them, but cost no fdatasync of their own.

const journalText = async (dir: string) => await readFile(path.join(dir, 'journal.jsonl'), 'utf8')
const quiet = { delayMs: 60_000, checkpointMs: 60_000 }

async function openAll (dir: string) {
  const storage = new Storage(dir, undefined, quiet)
  const seen = await storage.openLog<string>('seen', { schema: z.string(), light: true })
  const tickets = await storage.openLog<{ no: number }>('tickets', { schema: z.object({ no: z.number() }) })
  const doc = await storage.open('roles', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
  return { storage, seen, tickets, doc }
}

describe('light changes', () => {
  it('are written before a send without an fdatasync; anything weightier is synced', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-light-'))
    const { storage, seen, tickets, doc } = await openAll(dir)
    const syncs = storage.journalSyncs

    seen.append('day', 'msg-1')
    await storage.commitBeforeSend()
    expect(await journalText(dir)).toContain('msg-1')
    expect(storage.journalSyncs).toBe(syncs)

    // a weighty log entry, and then a document change: each is synced before a send
    tickets.append('0001', { no: 1 })
    seen.append('day', 'msg-2')
    await storage.commitBeforeSend()
    expect(storage.journalSyncs).toBe(syncs + 1)
    doc.update(d => { d.n = 5 })
    await storage.commitBeforeSend()
    expect(storage.journalSyncs).toBe(syncs + 2)

    // a weighty append that is not light by the log's default, but light by the caller's word
    tickets.append('0001', { no: 2 }, true)
    await storage.commitBeforeSend()
    expect(storage.journalSyncs).toBe(syncs + 2)
    await storage.close()
  })

  it('a full commit syncs what was only written, even with nothing new to write', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-light-'))
    const { storage, seen } = await openAll(dir)
    seen.append('day', 'msg-1')
    await storage.commitBeforeSend()
    const syncs = storage.journalSyncs
    const lines = (await journalText(dir)).split('\n').length
    await storage.commit()
    expect(storage.journalSyncs).toBe(syncs + 1)
    expect((await journalText(dir)).split('\n').length).toBe(lines)
    await storage.close()
  })

  it('a light change that was written survives a kill', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-light-'))
    const first = await openAll(dir)
    first.seen.append('day', 'msg-1')
    await first.storage.commitBeforeSend()
    first.seen.append('day', 'msg-never-written')
    await first.storage.abandon() // as kill -9: nothing more is written

    const again = await openAll(dir)
    expect(await again.seen.read('day')).toEqual(['msg-1'])
    await again.storage.close()
  })

  it('the checkpoint makes light changes durable in their files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-light-'))
    const { storage, seen } = await openAll(dir)
    seen.append('day', 'msg-1')
    await storage.commitBeforeSend()
    await storage.checkpoint()
    expect(await readFile(path.join(dir, 'seen', 'day.jsonl'), 'utf8')).toBe('"msg-1"\n')
    expect(await journalText(dir)).toBe('')
    await storage.close()
  })
})
