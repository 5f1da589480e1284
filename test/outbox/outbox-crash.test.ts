import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/sandbox-harness.js'

const CHILD = path.join(ROOT, 'test/outbox/fixtures/crash-child.ts')

interface Run { undelivered: Array<{ id: number, state: string, text?: string }>, done: boolean }

/** Runs the child; kills it with SIGKILL once `killWhen` says so (given its output and the delivered lines). */
async function run (dir: string, args: string[], killWhen?: (out: string, delivered: string[]) => boolean): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const poll = killWhen === undefined
    ? undefined
    : setInterval(() => { void delivered(dir).then(lines => { if (killWhen(out, lines)) child.kill('SIGKILL') }) }, 5)
  await new Promise<void>(resolve => child.on('exit', () => resolve()))
  clearInterval(poll)
  const line = out.split('\n').find(l => l.startsWith('UNDELIVERED ')) ?? 'UNDELIVERED []'
  return { undelivered: JSON.parse(line.slice('UNDELIVERED '.length)), done: out.includes('DONE') }
}

async function delivered (dir: string): Promise<string[]> {
  const text = await readFile(path.join(dir, 'delivered.txt'), 'utf8').catch(() => '')
  return text.split('\n').filter(l => l !== '')
}

const all = (n: number): string[] => Array.from({ length: n }, (_, i) => `m${i + 1}`)

describe('the outbox killed with SIGKILL', () => {
  it('keeps a message caught mid-send as unconfirmed, sends the rest once, and never resends it by itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-crash-'))
    const first = await run(dir, ['10', 'm5'], out => out.includes('HANG'))
    expect(first.done).toBe(false)
    expect(await delivered(dir)).toEqual(all(4))

    const second = await run(dir, ['10'])
    expect(second.done).toBe(true)
    expect(second.undelivered).toEqual([{ id: 5, state: 'unconfirmed', target: 'room:r@chatroom', text: 'm5', reported: false }])
    expect(await delivered(dir)).toEqual([...all(4), 'm6', 'm7', 'm8', 'm9', 'm10'])

    const third = await run(dir, ['10'])
    expect(third.undelivered.map(u => u.id)).toEqual([5])
    expect(await delivered(dir)).toHaveLength(9)
  })

  it('at random moments of a burst: nothing is delivered twice, nothing is lost without being unconfirmed', async () => {
    for (const killAfter of [3, 17, 41]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-crash-'))
      await run(dir, ['60'], (_out, lines) => lines.length >= killAfter)
      const second = await run(dir, ['60'])
      expect(second.done).toBe(true)
      const lines = await delivered(dir)
      expect(new Set(lines).size).toBe(lines.length)
      const unconfirmed = second.undelivered.map(u => u.text)
      expect(unconfirmed.length).toBeLessThanOrEqual(1)
      // each message either arrived, or is unconfirmed (it may have arrived: only the chair resends it)
      for (const m of all(60)) expect(lines.includes(m) || unconfirmed.includes(m)).toBe(true)
    }
  })
})
