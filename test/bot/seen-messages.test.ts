import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { idHash, SeenMessages, type SeenLog } from '../../src/bot/seen-messages.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

function memoryLog (): SeenLog & { appended: string[], dropped: string[] } {
  const appended: string[] = []
  const dropped: string[] = []
  return { appended, dropped, append: (day, id) => appended.push(`${day} ${id}`), drop: day => dropped.push(day) }
}

describe('seen messages', () => {
  it('claims an id once, writes only what the bot acts on, and forgets released chatter', () => {
    const log = memoryLog()
    const seen = new SeenMessages(log, [], new Date('2026-12-07T01:00:00Z'))
    expect(seen.claim('a')).toBe(true)
    expect(seen.claim('a')).toBe(false) // a concurrent redelivery while the first is read
    seen.release('a')
    expect(seen.claim('a')).toBe(true)
    seen.record('a', new Date('2026-12-07T01:00:00Z'))
    expect(seen.claim('a')).toBe(false)
    expect(log.appended).toEqual(['2026-12-07 a'])
    expect(seen.size).toBe(1)
  })

  it('remembers ids as 53-bit hashes without collisions among 100,000 ids', () => {
    const hashes = new Set(Array.from({ length: 100_000 }, () => idHash(randomUUID())))
    expect(hashes.size).toBe(100_000)
    expect(idHash('a')).toBe(idHash('a'))
    expect(Number.isSafeInteger(idHash('wxid_zhang_ayi'))).toBe(true)
  })

  it('keeps three days: older days leave memory and disk', () => {
    const log = memoryLog()
    const stored: Array<[string, string[]]> = [['2026-12-01', ['old']], ['2026-12-05', ['recent']]]
    const seen = new SeenMessages(log, stored, new Date('2026-12-07T01:00:00Z'))
    expect(log.dropped).toEqual(['2026-12-01'])
    expect(seen.claim('old')).toBe(true)
    expect(seen.claim('recent')).toBe(false)
    seen.record('x', new Date('2026-12-09T01:00:00Z'))
    expect(log.dropped).toEqual(['2026-12-01', '2026-12-05'])
    expect(seen.size).toBe(1)
  })
})

describe('seen messages in the bot', () => {
  let h: Harness | undefined
  afterEach(async () => { await h?.dispose(); h = undefined })

  it('group chatter not for the bot is not remembered; a message it answers is', async () => {
    h = await openSandbox()
    const world = (h.session as any).world
    const say = async (text: string, mentions: string[] = []) => {
      const { id } = world.say('wxid_li_xiansheng', { roomId: 'yangguang-owners@chatroom' }, text, mentions)
      await h!.session.runtime.handled(id)
      await h!.session.settle()
      return id as string
    }
    await say('今天天气不错')
    const answered = await say('@小区助手 你好', ['wxid_xiaoqu_bot'])
    await h.session.runtime.storage.close()
    const { readdir, readFile } = await import('node:fs/promises')
    const dir = `${h.dataDir}/seen-messages`
    const ids = (await Promise.all((await readdir(dir)).map(async f => (await readFile(`${dir}/${f}`, 'utf8')).trim().split('\n')))).flat()
    expect(ids).toEqual([JSON.stringify(answered)])
  })
})
