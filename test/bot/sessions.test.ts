import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../src/clock/clock.js'
import { Sessions } from '../../src/bot/sessions.js'
import { Storage } from '../../src/storage/storage.js'

const START = new Date('2026-12-07T01:00:00Z')
const HOUR = 3600_000

async function reopen (dir: string, clock: ManualClock): Promise<{ storage: Storage, sessions: Sessions }> {
  const storage = new Storage(dir)
  return { storage, sessions: await Sessions.open(storage, clock) }
}

describe('sessions', () => {
  it('keeps what is set across a restart, forgets what is cleared or expired', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-sessions-'))
    const clock = new ManualClock(START)
    let { storage, sessions } = await reopen(dir, clock)
    sessions.for('a').set('rating', { no: 1 }, 60)
    sessions.for('b').set('choice', [1, 2], 60)
    sessions.for('b').clear('choice')
    sessions.for('c').set('long', 'x', 3 * 24 * 60)
    sessions.for('c').set('long', 'short now', 10) // replaces a value filed under a later day
    await storage.close();
    ({ storage, sessions } = await reopen(dir, clock))
    expect(sessions.for('a').get('rating')).toEqual({ no: 1 })
    expect(sessions.for('b').get('choice')).toBeUndefined()
    expect(sessions.for('c').get('long')).toBe('short now')
    clock.set(new Date(START.getTime() + 2 * HOUR))
    expect(sessions.for('a').get('rating')).toBeUndefined()
    await storage.close()
    // Days later the old files are gone and nothing expired comes back.
    clock.set(new Date(START.getTime() + 5 * 24 * HOUR));
    ({ storage, sessions } = await reopen(dir, clock))
    sessions.for('d').set('rating', 1)
    await storage.close()
    expect(await readdir(path.join(dir, 'sessions-log'))).toEqual(['2026-12-13.jsonl'])
    ;({ storage, sessions } = await reopen(dir, clock))
    expect(sessions.size).toBe(1)
    expect(sessions.for('c').get('long')).toBeUndefined()
    await storage.close()
  })

  it('opens a day file of more changes than a function call takes arguments', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-sessions-'))
    const clock = new ManualClock(START)
    const until = START.getTime() + HOUR
    const lines = Array.from({ length: 150_000 }, (_, i) => JSON.stringify({ n: i + 1, who: `p${i}`, kind: 'rating', data: i, until }) + '\n')
    await mkdir(path.join(dir, 'sessions-log'))
    await writeFile(path.join(dir, 'sessions-log', '2026-12-07.jsonl'), lines.join(''))
    const { storage, sessions } = await reopen(dir, clock)
    expect(sessions.size).toBe(150_000)
    expect(sessions.for('p149999').get('rating')).toBe(149_999)
    await storage.close()
  })
})
