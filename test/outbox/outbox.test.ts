import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log/logger.js'
import { emptyOutbox, outboxSchema, ThrottledOutbox, type Transport } from '../../src/outbox/outbox.js'
import { splitText } from '../../src/outbox/split-text.js'
import { Throttle } from '../../src/outbox/throttle.js'
import { Storage } from '../../src/storage/storage.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

const log = createLogger('silent')

function recordingTransport (friends: string[] = []): Transport & { sent: string[] } {
  const sent: string[] = []
  return {
    sent,
    async sendRoom (roomId, content, mention) { sent.push(`${roomId}|${mention.join(',')}|${String(content)}`) },
    async sendContact (contactId, content) { sent.push(`${contactId}|${String(content)}`) },
    async isFriend (id) { return friends.includes(id) }
  }
}

// A second open of a directory in one test is a restart after a crash: the first is abandoned.
const opened = new Map<string, Storage>()
async function openStorage (dir: string): Promise<Storage> {
  await opened.get(dir)?.abandon()
  const storage = new Storage(dir)
  opened.set(dir, storage)
  return storage
}

async function openOutbox (dir: string, transport: Transport): Promise<ThrottledOutbox> {
  const storage = await openStorage(dir)
  const store = await storage.open('outbox', emptyOutbox, { schema: outboxSchema })
  return new ThrottledOutbox(store, storage, transport, { spacingMs: 0, jitterMs: 0, perMinute: 0 }, log)
}

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('outbox', () => {
  it('queued messages survive a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-outbox-'))
    const first = recordingTransport()
    const before = await openOutbox(dir, first) // never resumed: logged out
    await before.toRoom({ roomId: 'r@chatroom', text: '公示通知' })
    await before.toContact({ contactId: 'wxid_a', text: '私信' })
    expect(first.sent).toEqual([])
    const second = recordingTransport(['wxid_a'])
    const after = await openOutbox(dir, second)
    after.resume()
    await after.drain()
    expect(second.sent).toEqual(['r@chatroom||公示通知', 'wxid_a|私信'])
    expect(after.pending).toBe(0)
  })

  it('never sends twice a message interrupted mid-send', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-outbox-'))
    const storage = await openStorage(dir)
    const store = await storage.open('outbox', emptyOutbox, { schema: outboxSchema })
    store.update(d => { d.items.push({ id: 1, state: 'sending', kind: 'room', roomId: 'r@chatroom', mention: [], text: '半路' }, { id: 2, state: 'queued', kind: 'room', roomId: 'r@chatroom', mention: [], text: '下一条' }) })
    await storage.flushAll()
    const t = recordingTransport()
    const outbox = await openOutbox(dir, t)
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['r@chatroom||下一条'])
  })

  it('falls back to an @-mention in the group when the person is not a friend', async () => {
    h = await openSandbox()
    await h.session.runtime.app.outbox.toContact({ contactId: 'wxid_wang_nvshi', text: '您的工单详情：……', fallbackRoomId: 'yangguang-owners@chatroom', fallbackText: '请加我为好友查看详情' })
    await h.session.settle()
    expect(h.sent).toEqual([{ chat: '阳光花园业主群', text: '@王女士 请加我为好友查看详情' }])
  })

  it('pauses while logged out and resumes after login', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-outbox-'))
    const t = recordingTransport()
    const outbox = await openOutbox(dir, t)
    outbox.resume()
    outbox.pause()
    await outbox.toRoom({ roomId: 'r@chatroom', text: 'A' })
    await outbox.drain()
    expect(t.sent).toEqual([])
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['r@chatroom||A'])
  })
})

describe('splitText', () => {
  it('splits near 500 characters on line breaks and loses nothing', () => {
    const text = Array.from({ length: 60 }, (_, i) => `第${i + 1}行：维修资金收支明细，金额与项目。`).join('\n')
    const parts = splitText(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500)
    expect(parts.join('\n')).toBe(text)
  })

  it('cuts a single very long line after punctuation', () => {
    const parts = splitText('很长的一句话，'.repeat(200))
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500)
    expect(parts.join('')).toBe('很长的一句话，'.repeat(200))
  })
})

describe('Throttle', () => {
  it('keeps the minimum spacing and the per-minute cap', async () => {
    let now = 0
    const waits: number[] = []
    const t = new Throttle({ spacingMs: 1500, jitterMs: 0, perMinute: 3 }, () => now, async ms => { waits.push(ms); now += ms })
    for (let i = 0; i < 4; i++) await t.wait()
    expect(waits).toEqual([1500, 1500, 60_000 - 3000])
  })
})
