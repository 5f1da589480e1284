import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Storage, StorageCorruptError } from '../../src/storage/storage.js'
import { openSandbox } from '../helpers/sandbox-harness.js'

const tmp = async () => await mkdtemp(path.join(tmpdir(), 'xiaoqu-storage-'))

describe('storage', () => {
  it('a corrupt data file stops the start and is left untouched', async () => {
    const dir = await tmp()
    const broken = '{"schemaVersion": 1, "data": {"people": {'
    await writeFile(path.join(dir, 'roles.json'), broken)
    await expect(openSandbox({ dataDir: dir })).rejects.toThrow(StorageCorruptError)
    await expect(openSandbox({ dataDir: dir })).rejects.toThrow(/roles\.json 无法读取.*未做任何改动/)
    expect(await readFile(path.join(dir, 'roles.json'), 'utf8')).toBe(broken)
  })

  it.each(['complaints', 'schedule-occurrences', 'questions'])('a corrupt feature file (%s.json) also stops the start, untouched', async name => {
    const dir = await tmp()
    const broken = '{"schemaVersion": 1, "data": '
    await writeFile(path.join(dir, `${name}.json`), broken)
    await expect(openSandbox({ dataDir: dir })).rejects.toThrow(new RegExp(`${name}\\.json 无法读取`))
    expect(await readFile(path.join(dir, `${name}.json`), 'utf8')).toBe(broken)
  })

  it('keeps the last good copy beside the file', async () => {
    const dir = await tmp()
    const first = new Storage(dir)
    const s = await first.open('things', () => ({ n: 0 }))
    s.update(d => { d.n = 7 })
    await first.flushAll()
    const second = new Storage(dir)
    await second.open('things', () => ({ n: 0 }))
    expect(JSON.parse(await readFile(path.join(dir, 'things.json.last-good'), 'utf8')).data.n).toBe(7)
  })

  it('batches a burst of changes into the file and flushes on demand', async () => {
    const dir = await tmp()
    const storage = new Storage(dir, undefined, 10_000)
    const s = await storage.open('burst', () => ({ items: [] as number[] }))
    for (let i = 0; i < 1000; i++) s.update(d => { d.items.push(i) })
    expect(await readdir(dir)).not.toContain('burst.json') // nothing written yet: one write later
    await storage.flushAll()
    expect(JSON.parse(await readFile(path.join(dir, 'burst.json'), 'utf8')).data.items).toHaveLength(1000)
  })

  it('migrates an old schema version and writes it back', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'people.json'), JSON.stringify({ schemaVersion: 1, data: { names: ['张阿姨'] } }))
    const storage = new Storage(dir)
    const s = await storage.open<{ people: Array<{ name: string }> }>('people', () => ({ people: [] }), {
      version: 2,
      migrations: { 1: (old: { names: string[] }) => ({ people: old.names.map(name => ({ name })) }) }
    })
    expect(s.data.people).toEqual([{ name: '张阿姨' }])
    await storage.flushAll()
    expect(JSON.parse(await readFile(path.join(dir, 'people.json'), 'utf8')).schemaVersion).toBe(2)
  })

  it('refuses a file written by a newer version instead of downgrading it', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'x.json'), JSON.stringify({ schemaVersion: 9, data: {} }))
    await expect(new Storage(dir).open('x', () => ({}))).rejects.toThrow(/版本 9/)
  })

  it('opens one instance per file', async () => {
    const storage = new Storage(await tmp())
    expect(await storage.open('a', () => ({}))).toBe(await storage.open('a', () => ({})))
  })
})

describe('one process per data directory', () => {
  it('refuses a directory held by another live process, takes over a stale lock, and frees it on close', async () => {
    const { spawn } = await import('node:child_process')
    const dir = await tmp()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      await writeFile(path.join(dir, '.lock'), String(other.pid))
      await expect(new Storage(dir).open('x', () => ({}))).rejects.toThrow(/正被另一个进程（pid \d+）使用/)
    } finally {
      other.kill()
    }
    await new Promise(resolve => other.once('exit', resolve))
    const storage = new Storage(dir)
    await storage.open('x', () => ({})) // the holder is gone: its lock is stale
    expect(await readFile(path.join(dir, '.lock'), 'utf8')).toBe(String(process.pid))
    await storage.close()
    expect(await readdir(dir)).not.toContain('.lock')
  })
})
