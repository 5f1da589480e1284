import { mkdir, mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { encodeRecord } from '../../src/storage/journal.js'
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

  it('a known document is read once: its first open takes what the start validated, migrated', async () => {
    const dir = await tmp()
    const file = path.join(dir, 'people.json')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, data: { names: ['张阿姨'] } }))
    const format = {
      schema: z.object({ people: z.array(z.object({ name: z.string() })) }),
      version: 2,
      migrations: { 1: (old: { names: string[] }) => ({ people: old.names.map(name => ({ name })) }) }
    }
    const storage = new Storage(dir, undefined, { files: [{ kind: 'document', name: 'people', about: '', ...format }] })
    await storage.start()
    await writeFile(file, '') // were it read again at the open, it would be refused as empty
    const s = await storage.open<{ people: Array<{ name: string }> }>('people', () => ({ people: [] }), format)
    expect(s.data.people).toEqual([{ name: '张阿姨' }])
    await storage.close()
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, data: { people: [{ name: '张阿姨' }] } })
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

  it('rebuilds derived data after every open and lists documents by pattern', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'chunk-0001.json'), '{"schemaVersion":1,"data":{"items":[1,2,3],"count":99}}')
    const storage = new Storage(dir)
    const s = await storage.open('chunk-0001', () => ({ items: [] as number[], count: 0 }), {
      schema: z.object({ items: z.array(z.number()), count: z.number() }),
      rebuild: d => { d.count = d.items.length } // never trusted from disk
    })
    expect(s.data.count).toBe(3)
    await storage.open('chunk-0002', () => ({ items: [], count: 0 }), { schema: z.object({ items: z.array(z.number()), count: z.number() }) })
    expect(await storage.documents(/^chunk-\d{4}$/)).toEqual(['chunk-0001', 'chunk-0002'])
    await storage.close()
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

  it('a partition compacted to nothing is dropped, never left as an empty file', async () => {
    const dir = await tmp()
    const storage = new Storage(dir)
    const log = await storage.openLog<{ k: number }>('events', { schema: entry })
    log.append('2026-12', { k: 1 })
    await storage.commit()
    await storage.checkpoint()
    log.replace('2026-12', [])
    expect(log.partitions()).toEqual([])
    await storage.close()
    expect(await readdir(path.join(dir, 'events'))).toEqual([])
    const again = new Storage(dir)
    expect((await again.openLog<{ k: number }>('events', { schema: entry })).partitions()).toEqual([])
    await again.close()
  })

  it.each([
    ['an empty file', ''],
    ['a torn last line', '{"k":1}\n{"k":'],
    ['a line of the wrong shape', '{"k":1}\n{"x":2}\n']
  ])('refuses a partition with %s, naming it, untouched', async (_, text) => {
    const dir = await tmp()
    await mkdir(path.join(dir, 'events'))
    await writeFile(path.join(dir, 'events', '2026-12.jsonl'), text)
    const storage = new Storage(dir)
    await expect(storage.openLog('events', { schema: entry })).rejects.toThrow(/events\/2026-12\.jsonl 无法读取[^]*restore events\/2026-12\.jsonl/)
    await storage.close()
    expect(await readFile(path.join(dir, 'events', '2026-12.jsonl'), 'utf8')).toBe(text)
  })

  it('refuses an entry that does not match the schema', async () => {
    const storage = new Storage(await tmp())
    const log = await storage.openLog<unknown>('events', { schema: entry })
    expect(() => log.append('p', { k: 'x' })).toThrow(/schema/)
    await storage.close()
  })
})

describe('the journal', () => {
  const commitAndAbandon = async (dir: string) => {
    const storage = new Storage(dir, undefined, { checkpointMs: 60_000 })
    const s = await storage.open('n', () => ({ n: 0 }), { schema: counter })
    s.update(d => { d.n = 1 })
    await storage.commit()
    s.update(d => { d.n = 2 })
    await storage.commit()
    await storage.abandon() // as kill -9: both commits are only in the journal
  }

  it('replays committed changes at the next start and ignores a torn last line', async () => {
    const dir = await tmp()
    await commitAndAbandon(dir)
    const journal = path.join(dir, 'journal.jsonl')
    const text = await readFile(journal, 'utf8')
    await writeFile(journal, text + text.split('\n')[0]!.slice(0, 30)) // a write cut short by the crash
    const storage = new Storage(dir)
    expect((await storage.open('n', () => ({ n: 0 }), { schema: counter })).data.n).toBe(2)
    await storage.close()
  })

  it('refuses a journal damaged before its last line, naming it and the fix', async () => {
    const dir = await tmp()
    await commitAndAbandon(dir)
    const journal = path.join(dir, 'journal.jsonl')
    const lines = (await readFile(journal, 'utf8')).split('\n')
    const damaged = [lines[0]!.replace('"n":1', '"n":7'), ...lines.slice(1)].join('\n')
    await writeFile(journal, damaged)
    const storage = new Storage(dir)
    await expect(storage.start()).rejects.toThrow(/journal\.jsonl 无法读取（第 1 行损坏[^]*npm run storage -- restore journal\.jsonl/)
    expect(await readFile(journal, 'utf8')).toBe(damaged)
  })

  it('after a crash mid-checkpoint replays the sealed journal, then the live one, writing no log line twice', async () => {
    const dir = await tmp()
    await mkdir(path.join(dir, 'events'))
    await writeFile(path.join(dir, 'events', 'p.jsonl'), '{"k":1}\n') // the checkpoint got this far
    await writeFile(path.join(dir, 'journal.sealed.jsonl'),
      encodeRecord('{"s":1,"d":{"n":{"schemaVersion":1,"data":{"n":1}}},"l":[{"g":"events","p":"p","o":0,"e":{"k":1}}]}'))
    await writeFile(path.join(dir, 'journal.jsonl'),
      encodeRecord('{"s":2,"d":{"n":{"schemaVersion":1,"data":{"n":2}}},"l":[{"g":"events","p":"p","o":8,"e":{"k":2}}]}'))
    const storage = new Storage(dir)
    expect((await storage.open('n', () => ({ n: 0 }), { schema: counter })).data.n).toBe(2)
    expect(await (await storage.openLog('events', { schema: entry })).read('p')).toEqual([{ k: 1 }, { k: 2 }])
    expect(await readdir(dir)).not.toContain('journal.sealed.jsonl')
    await storage.close()
  })
})
