import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log/logger.js'
import { parseSandboxArgs, runSandbox } from '../../src/sandbox/run-sandbox.js'
import { readOptions } from '../../src/config/read-env-options.js'
import { Storage } from '../../src/storage/storage.js'
import { ROOT } from '../helpers/sandbox-harness.js'

const tmp = async () => await mkdtemp(path.join(tmpdir(), 'xiaoqu-lock-'))
let childScript = ''

// Plain JavaScript for the children: 40 TypeScript loaders would take a minute on a busy machine.
beforeAll(async () => {
  childScript = path.join(await tmp(), 'lock-child.mjs')
  await build({ entryPoints: [path.join(ROOT, 'test/storage/lock-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'silent' })
})

interface Contender { child: ChildProcessWithoutNullStreams, next: () => Promise<string> }

function contender (dir: string): Contender {
  const child = spawn(process.execPath, [childScript, dir], { cwd: ROOT })
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  return { child, next: async () => String((await lines.next()).value) }
}

describe('one process per data directory', () => {
  it('40 processes started at the same instant: exactly one gets the directory', async () => {
    const dir = await tmp()
    const all = Array.from({ length: 40 }, () => contender(dir))
    try {
      expect(await Promise.all(all.map(async c => await c.next()))).toEqual(all.map(() => 'ready'))
      for (const c of all) c.child.stdin.write('go\n')
      const outcomes = await Promise.all(all.map(async c => await c.next()))
      expect(outcomes.filter(o => o === 'locked')).toHaveLength(1)
      expect(outcomes.filter(o => o.startsWith('refused') && o.includes('正被另一个进程'))).toHaveLength(39)
    } finally {
      for (const c of all) c.child.stdin.end()
      await Promise.all(all.map(async c => await new Promise(resolve => c.child.exitCode !== null ? resolve(null) : c.child.once('exit', resolve))))
    }
  }, 120_000)

  it('--fresh against a running bot refuses and deletes nothing', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'roles.json'), '{"schemaVersion":1,"data":{"people":{}}}')
    const bot = contender(dir)
    try {
      await bot.next()
      bot.child.stdin.write('go\n')
      expect(await bot.next()).toBe('locked')
      const base = readOptions({ LOG_LEVEL: 'silent' }, ROOT)
      await expect(runSandbox(base, parseSandboxArgs(['--data', dir, '--fresh']), createLogger('silent')))
        .rejects.toThrow(/正被另一个进程（pid \d+/)
      expect((await readdir(dir)).sort()).toContain('roles.json')
    } finally {
      bot.child.stdin.end()
      await new Promise(resolve => bot.child.once('exit', resolve))
    }
  }, 60_000)

  it('takes over a lock whose process is gone, or whose pid now belongs to another process; frees it on close', async () => {
    const dir = await tmp()
    const stale = { token: 'old', pid: process.pid, started: 'another-boot:1', host: hostname(), since: '2026-01-01T00:00:00Z' }
    await writeFile(path.join(dir, '.lock'), JSON.stringify(stale)) // a live pid, but not the process that locked
    const storage = new Storage(dir)
    await storage.start()
    expect(JSON.parse(await readFile(path.join(dir, '.lock'), 'utf8')).token).not.toBe('old')
    await storage.close()
    expect(await readdir(dir)).not.toContain('.lock')

    const gone = spawn(process.execPath, ['-e', '0'])
    await new Promise(resolve => gone.once('exit', resolve))
    await writeFile(path.join(dir, '.lock'), JSON.stringify({ ...stale, pid: gone.pid, started: null }))
    const again = new Storage(dir)
    await again.start()
    await again.close()
  })

  it('takes over an old-format lock (a bare pid) naming a live process that started after it was written', async () => {
    const dir = await tmp()
    const lock = path.join(dir, '.lock')
    await writeFile(lock, String(process.pid))
    await utimes(lock, new Date('2020-01-01'), new Date('2020-01-01')) // this test process is younger than that
    const storage = new Storage(dir)
    await storage.start()
    await storage.close()
  })

  it('refuses a second Storage on a directory this process already holds', async () => {
    const dir = await tmp()
    const first = new Storage(dir)
    await first.start()
    await expect(new Storage(dir).start()).rejects.toThrow(/正被另一个进程/)
    await first.close()
  })
})
