import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { StartupError } from '../../src/app/startup-error.js'
import { loadSandboxClock, saveSandboxClock } from '../../src/sandbox/sandbox-clock.js'

describe('sandbox clock', () => {
  const now = new Date('2026-12-01T00:00:00Z')

  it('continues from the saved time; starts at the given time when there is none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-clock-'))
    expect(await loadSandboxClock(dir, now)).toEqual(now)
    await saveSandboxClock(dir, new Date('2027-03-01T01:00:00Z'))
    expect(await loadSandboxClock(dir, now)).toEqual(new Date('2027-03-01T01:00:00Z'))
  })

  it.each(['', '{"now":', '{"now":"not a date"}', 'null'])('refuses to start on %j, naming the file and leaving it', async text => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-clock-'))
    const file = path.join(dir, 'sandbox-clock.json')
    await writeFile(file, text)
    const err = await loadSandboxClock(dir, now).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StartupError)
    expect((err as Error).message).toContain(file)
    expect(await readFile(file, 'utf8')).toBe(text)
  })
})
