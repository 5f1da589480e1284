import type { Lane, OutgoingFile } from '../app/types.js'

// The outbox on disk is an append-only log of these operations; the queue is their fold.
// A send appends two small entries ('sending', 'sent') instead of rewriting the whole queue.

export type Message = { text?: string, file?: OutgoingFile } & (
  { kind: 'room', roomId: string, mention: string[] } |
  { kind: 'contact', contactId: string, fallbackRoomId?: string, fallbackText?: string })

/**
 * queued → sending → (gone when sent). After a crash, `sending` reads back as `unconfirmed`:
 * it may or may not have arrived, so it is never re-sent without the chair's decision.
 * `failed`: refused for good by WeChat (room gone, not a friend).
 */
export type ItemState = 'queued' | 'sending' | 'unconfirmed' | 'failed'

export interface Item {
  id: number
  lane: Lane
  key?: string
  /** wall-clock ms when queued (for retention, not shown) */
  at: number
  message: Message
  state: ItemState
  reason?: string
  /** the chair has been told it is unconfirmed or failed */
  reported?: boolean
  /** SendOptions.light; in memory only (after a restart every item is synced before it goes) */
  light?: boolean
}

export type Op =
  | { op: 'add', id: number, lane: Lane, at: number, key?: string, message: Message }
  | { op: 'sending' | 'sent' | 'queued' | 'reported' | 'dismissed', id: number }
  | { op: 'failed', id: number, reason: string }
  /** a keyed message that went out, kept a while after compaction so a replay is still a no-op */
  | { op: 'done', key: string, at: number }
  /** written by compaction: ids are never reused, the chair's numbers stay unambiguous */
  | { op: 'next', id: number }

export interface Queue {
  items: Map<number, Item>
  /** keys of messages sent or dismissed → when they were queued */
  done: Map<string, number>
  /** keys of messages still in the queue → their id */
  live: Map<string, number>
  nextId: number
}

/** Unconfirmed or failed: waiting for the chair to resend or dismiss it. */
export const isUndelivered = (item: Item): boolean => item.state === 'unconfirmed' || item.state === 'failed'

/** Whether a message with this key is in the log (queued, undelivered, or sent lately). */
export const hasKey = (q: Queue, key: string): boolean => q.live.has(key) || q.done.has(key)

/** Rebuilds the queue from the log; whatever was mid-send when the process died is unconfirmed. */
export function replay (ops: Iterable<Op>): Queue {
  const q: Queue = { items: new Map(), done: new Map(), live: new Map(), nextId: 1 }
  for (const op of ops) apply(q, op)
  for (const item of q.items.values()) if (item.state === 'sending') item.state = 'unconfirmed'
  return q
}

export function apply (q: Queue, op: Op): void {
  if (op.op === 'next') { q.nextId = Math.max(q.nextId, op.id); return }
  if (op.op === 'done') { q.done.set(op.key, op.at); return }
  if (op.op === 'add') {
    q.items.set(op.id, { id: op.id, lane: op.lane, at: op.at, message: op.message, state: 'queued', ...(op.key !== undefined && { key: op.key }) })
    if (op.key !== undefined) q.live.set(op.key, op.id)
    q.nextId = Math.max(q.nextId, op.id + 1)
    return
  }
  const item = q.items.get(op.id)
  if (item === undefined) return
  if (op.op === 'sent' || op.op === 'dismissed') {
    q.items.delete(op.id)
    if (item.key !== undefined) {
      q.live.delete(item.key)
      q.done.set(item.key, item.at)
    }
  } else if (op.op === 'reported') {
    item.reported = true
  } else if (op.op === 'failed') {
    item.state = 'failed'
    item.reason = op.reason
  } else {
    item.state = op.op
    if (op.op === 'queued') delete item.reported
  }
}

const DAY_MS = 86_400_000
/** How long the key of a sent message still makes a replay a no-op. */
export const KEY_RETENTION_MS = 3 * DAY_MS
/** Unconfirmed or failed messages nobody acted on are forgotten after this. */
export const UNDELIVERED_RETENTION_MS = 30 * DAY_MS

/** The shortest log that replays to the same queue (minus what has aged out). */
export function compact (q: Queue, now: number): Op[] {
  const ops: Op[] = [{ op: 'next', id: q.nextId }]
  for (const [key, at] of q.done) {
    if (at > now - KEY_RETENTION_MS) ops.push({ op: 'done', key, at })
    else q.done.delete(key)
  }
  for (const item of [...q.items.values()].sort((a, b) => a.id - b.id)) {
    if (isUndelivered(item) && item.at < now - UNDELIVERED_RETENTION_MS) {
      q.items.delete(item.id)
      if (item.key !== undefined) q.live.delete(item.key)
      continue
    }
    ops.push({ op: 'add', id: item.id, lane: item.lane, at: item.at, message: item.message, ...(item.key !== undefined && { key: item.key }) })
    if (item.state === 'sending' || item.state === 'unconfirmed') ops.push({ op: 'sending', id: item.id })
    if (item.state === 'failed') ops.push({ op: 'failed', id: item.id, reason: item.reason ?? '' })
    if (item.reported === true) ops.push({ op: 'reported', id: item.id })
  }
  return ops
}
