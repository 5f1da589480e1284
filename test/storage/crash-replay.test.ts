import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../../src/log/logger.js'
import { Storage } from '../../src/storage/storage.js'
import { ROOT } from '../helpers/sandbox-harness.js'

const CHILD = path.join(ROOT, 'test/storage/storage-child.ts')

/** Run the writer until it has acknowledged `after` more commits, then kill -9 it; the last number acknowledged. */
async function writeAndKill (dir: string, after: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'writer', dir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  let acked = 0
  let seen = 0
  let buffer = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop()!
      for (const p of parts) {
        acked = Math.max(acked, Number(p))
        if (++seen === after) { child.kill('SIGKILL'); resolve() }
      }
    })
    child.once('exit', code => { if (seen < after) reject(new Error(`writer exited early (${code})`)) })
  })
  await new Promise(resolve => child.once('close', resolve))
  return acked
}

describe('journal replay after kill -9', () => {
  it('loses no acknowledged commit and splits none: the counter and the log always agree', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-crash-'))
    const logged: string[] = []
    for (const after of [60, 7, 150, 33, 90]) {
      const acked = await writeAndKill(dir, after)
      const storage = new Storage(dir, createLogger('info', line => logged.push(line)))
      const counter = await storage.open('counter', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
      const log = await storage.openLog<{ n: number }>('numbers', { schema: z.object({ n: z.number() }) })
      const numbers = (await Promise.all(log.partitions().map(async p => await log.read(p)))).flat().map(e => e.n).sort((a, b) => a - b)
      expect(counter.data.n).toBeGreaterThanOrEqual(acked) // nothing acknowledged is lost
      expect(numbers).toEqual(Array.from({ length: counter.data.n }, (_, i) => i + 1)) // each change once, with its log line
      await storage.close()
    }
    expect(logged.join('\n')).toMatch(/replayed \d+ committed change/) // the kills did land between commit and checkpoint
  }, 120_000)
})
