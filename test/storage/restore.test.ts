import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { storageCli } from '../../src/cli/storage.js'
import type { DataFile } from '../../src/storage/check-files.js'
import { restoreFile } from '../../src/storage/restore-file.js'
import { openSandbox } from '../helpers/sandbox-harness.js'

// Follows storage/README.md "When the bot refuses to start", with the real bot.
describe('restoring a damaged file as storage/README.md says', () => {
  it('loses only the changes of the file’s last write, nothing older', async () => {
    let h = await openSandbox()
    const dir = h.dataDir
    await h.run(':as 赵主任', '/角色 授予 @张阿姨 委员')
    await h.close() // the first grant is written into roles.json
    h = await openSandbox({ dataDir: dir })
    await h.run(':as 赵主任', '/角色 授予 @李先生 委员')
    await h.close() // the second grant: roles.json rewritten, the first version kept as roles.json.1

    const roles = path.join(dir, 'roles.json')
    const damaged = (await readFile(roles, 'utf8')).slice(0, 20) // what a power cut could leave
    await writeFile(roles, damaged)
    const refusal = await openSandbox({ dataDir: dir }).then(() => '', (err: Error) => err.message)
    expect(refusal).toMatch(/roles\.json 无法读取[^]*npm run storage -- restore roles\.json --data /)
    expect(await readFile(roles, 'utf8')).toBe(damaged)

    // The operator types exactly the commands the refusal names.
    const typed = (command: string): string[] => new RegExp(`npm run storage -- (${command} [^；（]*?)(?:（|；|$)`).exec(refusal)![1]!.trim().split(/\s+/)
    const report: string[] = []
    expect(await storageCli(typed('check'), l => report.push(l))).toBe(1)
    expect(report.join('\n')).toMatch(/✗ roles\.json[^]*完好的备份：roles\.json\.1/)
    expect(await storageCli(typed('restore'), l => report.push(l))).toBe(0)
    expect(report.at(-1)).toMatch(/已用第 1 代备份/)
    expect(await storageCli(['check', '--data', dir], () => {})).toBe(0)

    h = await openSandbox({ dataDir: dir })
    const book = h.session.runtime.app.roles
    expect(book.rolesOf('wxid_zhang_ayi').has('committee')).toBe(true) // older than the last write: kept
    expect(book.rolesOf('wxid_li_xiansheng').has('committee')).toBe(false) // the last write: lost, as documented
    await h.dispose()
  })

  it('reads the data directory from STORAGE_DIR when --data is not given', async () => {
    const h = await openSandbox()
    await h.close()
    const before = process.env.STORAGE_DIR
    process.env.STORAGE_DIR = h.dataDir
    try {
      const out: string[] = []
      expect(await storageCli(['check'], l => out.push(l))).toBe(0)
      expect(out.at(-1)).toContain(`${h.dataDir}：全部`)
    } finally {
      if (before === undefined) delete process.env.STORAGE_DIR
      else process.env.STORAGE_DIR = before
      await h.dispose()
    }
  })

  it('restore refuses while a bot holds the directory', async () => {
    const h = await openSandbox()
    const out: string[] = []
    expect(await storageCli(['restore', 'roles.json', '--data', h.dataDir], l => out.push(l))).toBe(1)
    expect(out.join('')).toMatch(/正被另一个进程/)
    await h.dispose()
  })
})

describe('restoring a log partition', () => {
  it('keeps the lines before the damage and sets the damaged file aside', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-restore-'))
    await mkdir(path.join(dir, 'events'))
    await writeFile(path.join(dir, 'events', '2026-12.jsonl'), '{"k":1}\n{"k":2}\n{"k":')
    const files: DataFile[] = [{ kind: 'log', name: 'events', about: 'test', schema: z.object({ k: z.number() }) }]
    expect((await restoreFile(dir, 'events/2026-12.jsonl', files)).message).toMatch(/保留损坏处之前的 2 条，丢弃 1 条/)
    expect(await readFile(path.join(dir, 'events', '2026-12.jsonl'), 'utf8')).toBe('{"k":1}\n{"k":2}\n')
    expect((await readdir(path.join(dir, 'events'))).some(f => f.startsWith('2026-12.jsonl.broken-'))).toBe(true)
  })

  it.each([['empty', ''], ['damaged from its first line', '{"k":\n{"k":2}\n']])('refuses when it is %s: nothing good to keep, and an empty file would only be refused again', async (_how, text) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-restore-'))
    await mkdir(path.join(dir, 'events'))
    const file = path.join(dir, 'events', '2026-12.jsonl')
    await writeFile(file, text)
    const files: DataFile[] = [{ kind: 'log', name: 'events', about: 'test', schema: z.object({ k: z.number() }) }]
    await expect(restoreFile(dir, 'events/2026-12.jsonl', files)).rejects.toThrow(/没有它可用的备份，未做改动/)
    expect(await readFile(file, 'utf8')).toBe(text)
    expect(await readdir(path.join(dir, 'events'))).toEqual(['2026-12.jsonl'])
  })
})
