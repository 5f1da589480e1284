import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATA_FILES } from '../../src/app/data-files.js'
import { StorageCorruptError } from '../../src/storage/storage.js'
import { openSandbox } from '../helpers/sandbox-harness.js'

// Every document file the bot keeps (a pattern stands for its first file: a ticket chunk).
const names = DATA_FILES.filter(f => f.kind === 'document').map(f => typeof f.name === 'string' ? f.name : 'complaints-tickets-0000')

const damage: Array<[string, string]> = [
  ['emptied', ''],
  ['truncated', '{"schemaVersion":1,"data":{"'],
  ['of the wrong shape', '{}'],
  ['with null data', '{"schemaVersion":1,"data":null}'],
  ['with data missing its fields', '{"schemaVersion":1,"data":{}}'],
  ['of a future version', '{"schemaVersion":99,"data":{}}']
]

describe('nothing unreadable is trusted', () => {
  it.each(names.flatMap(n => damage.map(([how, text]) => [n, how, text] as const)))(
    '%s.json %s: the start is refused, naming it and the fix; the file is untouched',
    async (name, _how, text) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-start-'))
      const file = path.join(dir, `${name}.json`)
      await writeFile(file, text)
      const start = openSandbox({ dataDir: dir })
      await expect(start).rejects.toThrow(StorageCorruptError)
      await expect(start).rejects.toThrow(new RegExp(`${name}\\.json 无法读取[^]*npm run storage -- (restore ${name}\\.json|check)`))
      expect(await readFile(file, 'utf8')).toBe(text)
    })

  // A log partition is never left empty (compacted to nothing, it is dropped): emptied, it is damage.
  it.each(DATA_FILES.filter(f => f.kind === 'log').map(f => f.name as string))(
    '%s/ with an emptied partition: the start is refused, naming it and the fix; the file is untouched',
    async log => {
      const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-start-'))
      await mkdir(path.join(dir, log))
      const file = path.join(dir, log, '0000.jsonl')
      await writeFile(file, '')
      const start = openSandbox({ dataDir: dir })
      await expect(start).rejects.toThrow(StorageCorruptError)
      await expect(start).rejects.toThrow(new RegExp(`${log}/0000\\.jsonl 无法读取（文件为空）[^]*npm run storage -- (restore ${log}/0000\\.jsonl|check)`))
      expect(await readFile(file, 'utf8')).toBe('')
    })

  it('a damaged ticket file far from the open tickets stops the start too (no lazy open)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-start-'))
    await writeFile(path.join(dir, 'complaints-tickets-0007.json'), '{"schemaVersion":1,"data":{"tickets":[{"no":3501}]}}')
    await expect(openSandbox({ dataDir: dir })).rejects.toThrow(/complaints-tickets-0007\.json 无法读取/)
  })
})
