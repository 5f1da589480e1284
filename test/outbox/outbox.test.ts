import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openOutbox } from '../../src/outbox/outbox-log.js'
import type { Transport } from '../../src/outbox/outbox.js'
import { splitText } from '../../src/outbox/split-text.js'
import { Storage } from '../../src/storage/storage.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'
import { memoryOutbox, recordingTransport, silent } from './outbox-helpers.js'

// A second open of a directory in one test is a restart after a crash: the first is abandoned.
const opened = new Map<string, Storage>()
async function onDisk (dir: string, transport: Transport) {
  await opened.get(dir)?.abandon()
  const storage = new Storage(dir)
  opened.set(dir, storage)
  return await openOutbox(storage, { transport, throttle: { spacingMs: 0, jitterMs: 0, perMinute: 0 }, logger: silent })
}

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('outbox', () => {
  it('queued messages survive a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-outbox-'))
    const first = recordingTransport()
    const before = await onDisk(dir, first) // never resumed: logged out
    await before.toRoom({ roomId: 'r@chatroom', text: '公示通知' })
    await before.toContact({ contactId: 'wxid_a', text: '私信' })
    expect(first.sent).toEqual([])
    const second = recordingTransport(['wxid_a'])
    const after = await onDisk(dir, second)
    after.resume()
    await after.drain()
    // the person's message goes first: replies before broadcasts
    expect(second.sent).toEqual(['wxid_a|私信', 'r@chatroom||公示通知'])
    expect(after.pending).toBe(0)
  })

  it('moves the queue of the old one-document outbox into the log', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-outbox-'))
    const old = new Storage(dir)
    const doc = await old.open('outbox', () => ({}), { schema: z.any() })
    doc.update(d => Object.assign(d, { nextId: 3, items: [{ id: 1, state: 'sending', kind: 'room', roomId: 'r', mention: [], text: '半路' }, { id: 2, state: 'queued', kind: 'contact', contactId: 'wxid_a', text: '私信' }] }))
    await old.close()
    const t = recordingTransport(['wxid_a'])
    const outbox = await onDisk(dir, t)
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['wxid_a|私信'])
    expect(outbox.undelivered().map(u => [u.id, u.state])).toEqual([[1, 'unconfirmed']])
    await opened.get(dir)!.commit()
    const again = await onDisk(dir, recordingTransport())
    expect(again.undelivered().map(u => u.id)).toEqual([1])
    expect(again.pending).toBe(0)
  })

  it('has the parts in its log before the first await of toRoom', () => {
    const { outbox, ops } = memoryOutbox(recordingTransport())
    void outbox.toRoom({ roomId: 'r@chatroom', text: 'A' })
    expect(ops.map(o => o.op)).toEqual(['add'])
  })

  it('commits before each send, with the item marked sending', async () => {
    const t = recordingTransport()
    const { outbox, ops, commits } = memoryOutbox(t)
    outbox.resume()
    await outbox.toRoom({ roomId: 'r@chatroom', text: 'A' })
    await outbox.drain()
    expect(ops.map(o => o.op)).toEqual(['add', 'sending', 'sent'])
    expect(commits).toEqual([2]) // the commit saw the add and the sending mark
  })

  it('keeps a message caught mid-send as unconfirmed: never re-sent by itself, resent once when the chair asks', async () => {
    const t = recordingTransport()
    const first = memoryOutbox(t)
    first.outbox.resume()
    t.fail.push(() => new Promise(() => {})) // hangs: the process dies during this send
    void first.outbox.toRoom({ roomId: 'r@chatroom', text: '半路' })
    void first.outbox.toRoom({ roomId: 'r@chatroom', text: '下一条' })
    await new Promise(resolve => setTimeout(resolve, 10))
    const t2 = recordingTransport()
    const second = first.reopen(t2)
    second.outbox.resume()
    await second.outbox.drain()
    expect(t2.sent).toEqual(['r@chatroom||下一条'])
    expect(second.outbox.undelivered()).toEqual([{ id: 1, state: 'unconfirmed', target: 'room:r@chatroom', text: '半路', reported: false }])
    // a third start still has it, still unsent
    const third = second.reopen(recordingTransport())
    expect(third.outbox.undelivered().map(u => u.id)).toEqual([1])
    expect(third.outbox.retry([1, 1, 99])).toEqual([1])
    third.outbox.resume()
    await third.outbox.drain()
    expect(third.outbox.undelivered()).toEqual([])
    expect(third.outbox.retry([1])).toEqual([])
  })

  it('sends replies to people before broadcasts', async () => {
    const t = recordingTransport(['wxid_a'])
    const { outbox } = memoryOutbox(t)
    for (let i = 1; i <= 3; i++) await outbox.toRoom({ roomId: `g${i}`, text: `公示${i}` })
    await outbox.toContact({ contactId: 'wxid_a', text: '回复' })
    await outbox.toRoom({ roomId: 'g1', text: '@回复', lane: 'reply' })
    await outbox.toContact({ contactId: 'wxid_a', text: '群发私信', lane: 'bulk' })
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['wxid_a|回复', 'g1||@回复', 'g1||公示1', 'g2||公示2', 'g3||公示3', 'wxid_a|群发私信'])
  })

  it('keeps the message and pauses on a transport error, then sends it once after resume', async () => {
    for (const err of [Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      new Error('not logged in, no this.__currentUserId yet'), Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      new Error('Timed out after 30 s')]) {
      const t = recordingTransport()
      const errors: unknown[] = []
      const { outbox } = memoryOutbox(t, { onTransportError: e => errors.push(e) })
      let down = true
      t.fail.push(() => down ? err : undefined)
      outbox.resume()
      await outbox.toRoom({ roomId: 'r', text: 'A' })
      await outbox.toRoom({ roomId: 'r', text: 'B' })
      await outbox.drain()
      expect(errors).toEqual([err])
      expect(outbox.pending).toBe(2)
      expect(outbox.undelivered()).toEqual([])
      down = false
      outbox.resume()
      await outbox.drain()
      expect(t.sent).toEqual(['r||A', 'r||B'])
    }
  })

  it('counts a send that hangs as a connection failure: paused, message kept', async () => {
    const t = recordingTransport()
    const errors: unknown[] = []
    const { outbox } = memoryOutbox(t, { sendTimeoutMs: 20, onTransportError: e => errors.push(e) })
    t.fail.push(() => new Promise(() => {}))
    outbox.resume()
    await outbox.toRoom({ roomId: 'r', text: 'A' })
    await outbox.drain()
    expect(String(errors[0])).toContain('timed out')
    expect(outbox.pending).toBe(1)
    t.fail.length = 0
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['r||A'])
  })

  it('sends nothing it could not save first, and keeps the message', async () => {
    const t = recordingTransport()
    let diskFull = true
    const { outbox } = memoryOutbox(t, { commit: async () => { if (diskFull) throw new Error('ENOSPC') } })
    outbox.resume()
    await outbox.toRoom({ roomId: 'r', text: 'A' })
    await outbox.drain()
    expect(t.sent).toEqual([])
    expect(outbox.pending).toBe(1)
    diskFull = false
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['r||A'])
  })

  it('drops only a message refused for good, and tells the listener once', async () => {
    const t = recordingTransport()
    const { outbox } = memoryOutbox(t)
    const told: unknown[] = []
    outbox.onUndelivered(u => told.push(u))
    t.fail.push(room => room === 'gone' ? new Error('room gone not found') : undefined)
    await outbox.toRoom({ roomId: 'gone', text: 'A' })
    await outbox.toRoom({ roomId: 'r', text: 'B' })
    await outbox.toContact({ contactId: 'stranger', text: 'C', lane: 'bulk' })
    // an answer to someone who cannot get private messages: dropped, nothing to report
    await outbox.toContact({ contactId: 'stranger', text: 'D' })
    outbox.resume()
    await outbox.drain()
    expect(t.sent).toEqual(['r||B'])
    expect(told).toEqual([
      { id: 1, state: 'failed', target: 'room:gone', text: 'A', reason: '群已不存在，或机器人已不在群里', reported: false },
      { id: 3, state: 'failed', target: 'contact:stranger', text: 'C', reason: '对方不是机器人的好友，无法私聊，也没有可以 @ 对方的群', reported: false }
    ])
    outbox.markReported([1])
    expect(outbox.undelivered().map(u => u.reported)).toEqual([true, false])
    expect(outbox.dismiss([1, 3])).toEqual([1, 3])
    expect(outbox.undelivered()).toEqual([])
  })

  it('queues a key once, also after a restart and after the message went out', async () => {
    const t = recordingTransport()
    const first = memoryOutbox(t)
    await first.outbox.toRoom({ roomId: 'r', text: 'A', key: 'card:1' })
    await first.outbox.toRoom({ roomId: 'r', text: 'A', key: 'card:1' })
    first.outbox.resume()
    await first.outbox.drain()
    const second = first.reopen(t)
    await second.outbox.toRoom({ roomId: 'r', text: 'A', key: 'card:1' })
    second.outbox.resume()
    await second.outbox.drain()
    expect(t.sent).toEqual(['r||A'])
  })

  it('compacts its log and replays to the same queue', async () => {
    const t = recordingTransport()
    const first = memoryOutbox(t, { compactAfter: 20 })
    first.outbox.resume()
    for (let i = 0; i < 50; i++) await first.outbox.toRoom({ roomId: 'r', text: `m${i}`, ...(i % 10 === 9 && { key: `k${i}` }) })
    await first.outbox.drain()
    first.outbox.pause()
    await first.outbox.toRoom({ roomId: 'r', text: 'later' })
    expect(first.ops.length).toBeLessThan(40)
    const t2 = recordingTransport()
    const second = first.reopen(t2)
    await second.outbox.toRoom({ roomId: 'r', text: 'again', key: 'k49' })
    await second.outbox.toRoom({ roomId: 'r', text: 'new' })
    second.outbox.resume()
    await second.outbox.drain()
    expect(t2.sent).toEqual(['r||later', 'r||new'])
    expect(t.sent).toHaveLength(50)
  })

  it('falls back to an @-mention in the group when the person is not a friend', async () => {
    h = await openSandbox()
    await h.session.runtime.app.outbox.toContact({ contactId: 'wxid_wang_nvshi', text: '您的工单详情：……', fallbackRoomId: 'yangguang-owners@chatroom', fallbackText: '请加我为好友查看详情' })
    await h.session.settle()
    expect(h.sent).toEqual([{ chat: '阳光花园业主群', text: '@王女士 请加我为好友查看详情' }])
  })

  it('answers a person before a backlog of broadcasts, in the real bot', async () => {
    h = await openSandbox()
    const { outbox } = h.session.runtime
    outbox.pause()
    for (let i = 1; i <= 30; i++) await h.session.runtime.app.outbox.toRoom({ roomId: 'yangguang-owners@chatroom', text: `通知${i}` })
    await h.run(':in 阳光花园业主群', ':as 张阿姨', '/帮助')
    outbox.resume()
    await h.session.settle()
    expect(h.sent[0]?.text).toMatch(/^@张阿姨 我是/)
    expect(h.sent.slice(1).map(m => m.text)).toEqual(Array.from({ length: 30 }, (_, i) => `通知${i + 1}`))
  })

  it('pauses while logged out and resumes after login', async () => {
    const t = recordingTransport()
    const { outbox } = memoryOutbox(t)
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
