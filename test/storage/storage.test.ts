import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Storage, StorageCorruptError } from '../../src/storage/storage.js'

const tmp = async () => await mkdtemp(path.join(tmpdir(), 'xiaoqu-storage-'))
const counter = z.object({ n: z.number() })
const items = z.object({ items: z.array(z.number()) })
const entry = z.object({ k: z.number() })

describe('storage', () => {
  it('commits a change durably and reads it back after a restart', async () => {
    const dir = await tmp()
    const first = new Storage(dir)
    const s = await first.open('things', () => ({ n: 0 }), { schema: counter })
    s.update(d => { d.n = 7 })
    await first.commit()
    await first.close()
    const second = new Storage(dir)
    expect((await second.open('things', () => ({ n: 0 }), { schema: counter })).data.n).toBe(7)
    await second.close()
  })

  it('keeps the last three versions of a document as generations', async () => {
    const dir = await tmp()
    const storage = new Storage(dir)
    const s = await storage.open('things', () => ({ n: 0 }), { schema: counter })
    for (let n = 1; n <= 5; n++) {
      s.update(d => { d.n = n })
      await storage.commit()
      await storage.checkpoint()
    }
    const gen = async (suffix: string) => JSON.parse(await readFile(path.join(dir, `things.json${suffix}`), 'utf8')).data.n
    expect([await gen(''), await gen('.1'), await gen('.2'), await gen('.3')]).toEqual([5, 4, 3, 2])
    await storage.close()
  })

  it('batches a burst of changes into one commit, written to the document at the checkpoint', async () => {
    const dir = await tmp()
    const storage = new Storage(dir, undefined, { delayMs: 10_000, checkpointMs: 10_000 })
    const s = await storage.open('burst', () => ({ items: [] as number[] }), { schema: items })
    for (let i = 0; i < 1000; i++) s.update(d => { d.items.push(i) })
    await storage.commit()
    expect(await readdir(dir)).not.toContain('burst.json') // in the journal only, until the checkpoint
    expect((await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(1)
    await storage.checkpoint()
    expect(JSON.parse(await readFile(path.join(dir, 'burst.json'), 'utf8')).data.items).toHaveLength(1000)
    expect(await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).toBe('')
    await storage.close()
  })

  it('migrates an old schema version, validates the result and writes it back', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'people.json'), JSON.stringify({ schemaVersion: 1, data: { names: ['张阿姨'] } }))
    const storage = new Storage(dir)
    const s = await storage.open<{ people: Array<{ name: string }> }>('people', () => ({ people: [] }), {
      schema: z.object({ people: z.array(z.object({ name: z.string() })) }),
      version: 2,
      migrations: { 1: (old: { names: string[] }) => ({ people: old.names.map(name => ({ name })) }) }
    })
    expect(s.data.people).toEqual([{ name: '张阿姨' }])
    await storage.close()
    expect(JSON.parse(await readFile(path.join(dir, 'people.json'), 'utf8')).schemaVersion).toBe(2)
  })

  it('refuses a file written by a newer version instead of downgrading it', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'x.json'), JSON.stringify({ schemaVersion: 9, data: { n: 1 } }))
    const storage = new Storage(dir)
    await expect(storage.open('x', () => ({ n: 0 }), { schema: counter })).rejects.toThrow(/版本 9/)
    await storage.close()
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion": 1, "data": {"n": '],
    ['of the wrong shape', '{}'],
    ['with null data', '{"schemaVersion": 1, "data": null}'],
    ['with data failing its schema', '{"schemaVersion": 1, "data": {"n": "seven"}}']
  ])('refuses a file that is %s, naming it and the fix, and leaves it untouched', async (_, text) => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'x.json'), text)
    const storage = new Storage(dir)
    const opening = storage.open('x', () => ({ n: 0 }), { schema: counter })
    await expect(opening).rejects.toThrow(StorageCorruptError)
    await expect(opening).rejects.toThrow(/x\.json 无法读取.*未做任何改动.*npm run storage -- restore x\.json/)
    await storage.close()
    expect(await readFile(path.join(dir, 'x.json'), 'utf8')).toBe(text)
  })

  it('gives concurrent openers of one file the same store', async () => {
    const storage = new Storage(await tmp())
    const [a, b] = await Promise.all([
      storage.open('a', () => ({ n: 0 }), { schema: counter }),
      storage.open('a', () => ({ n: 0 }), { schema: counter })
    ])
    expect(a).toBe(b)
    await storage.close()
  })
})

describe('append-only logs', () => {
  it('appends, reads, lists, replaces and drops partitions, across a restart', async () => {
    const dir = await tmp()
    const storage = new Storage(dir)
    const log = await storage.openLog<{ k: number }>('events', { schema: entry })
    log.append('2026-11', { k: 1 })
    log.append('2026-12', { k: 2 })
    log.append('2026-12', { k: 3 })
    expect(await log.read('2026-12')).toEqual([{ k: 2 }, { k: 3 }])
    await storage.commit()
    await storage.checkpoint()
    log.append('2026-12', { k: 4 })
    expect(await log.read('2026-12')).toEqual([{ k: 2 }, { k: 3 }, { k: 4 }])
    log.replace('2026-11', [{ k: 10 }])
    log.drop('2026-12')
    expect(log.partitions()).toEqual(['2026-11'])
    await storage.close()
    const again = new Storage(dir)
    const reopened = await again.openLog<{ k: number }>('events', { schema: entry })
    expect(reopened.partitions()).toEqual(['2026-11'])
    expect(await reopened.read('2026-11')).toEqual([{ k: 10 }])
    await again.close()
  })

  it('refuses an entry that does not match the schema', async () => {
    const storage = new Storage(await tmp())
    const log = await storage.openLog<unknown>('events', { schema: entry })
    expect(() => log.append('p', { k: 'x' })).toThrow(/schema/)
    await storage.close()
  })
})
