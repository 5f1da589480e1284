import type { Lane, Outbox, SendToContact, SendToRoom, Undelivered } from '../app/types.js'
import type { Logger } from '../log/logger.js'
import { contents, type Transport } from './deliver.js'
import type { Message, Op } from './outbox-ops.js'
import { OutboxQueue, type OutboxLog } from './outbox-queue.js'
import * as repair from './repair-undelivered.js'
import { SendLoop } from './send-loop.js'
import type { ThrottleOptions } from './throttle.js'

export type { Transport } from './deliver.js'
export type { OutboxLog } from './outbox-queue.js'

export interface OutboxOptions {
  log: OutboxLog
  /** the log as read at start */
  ops: Iterable<Op>
  /** What must hold before a send: every change made so far journaled, synced unless light (storage.commitBeforeSend). */
  commit: () => Promise<void>
  transport: Transport
  throttle: ThrottleOptions
  logger: Logger
  /**
   * A send failed because the connection did: the outbox has paused and kept the message.
   * The runtime reconnects and calls `resume()` on login. Without it the outbox retries by
   * itself after a backoff.
   */
  onTransportError?: (err: unknown) => void
  /** Compact once this many entries have been appended since the last compaction. */
  compactAfter?: number
  /** A send that has not returned after this long counts as a connection failure (default 30 s). */
  sendTimeoutMs?: number
}

/**
 * The one queue every outgoing message goes through: WeChat bans accounts that send fast.
 * Two lanes (replies to people before broadcasts), persisted as an append-only log so queued
 * messages survive a restart, paused while logged out or while the connection is down.
 */
export class ThrottledOutbox implements Outbox {
  private readonly queue: OutboxQueue
  private readonly sender: SendLoop
  private readonly listeners: Array<(item: Undelivered) => void> = []

  // Kept, and shared with the send loop by reference: the delivery e2e tests swap `o.transport`.
  constructor (private readonly o: OutboxOptions) {
    this.queue = new OutboxQueue(o.log, o.ops, o.compactAfter)
    this.sender = new SendLoop(this.queue, o, this.listeners)
    const unconfirmed = this.queue.all().filter(i => i.state === 'unconfirmed' && i.reported !== true)
    if (unconfirmed.length > 0) {
      o.logger.warn(`outbox: ${unconfirmed.length} message(s) were mid-send when the bot stopped; kept as unconfirmed for the chair`, unconfirmed.map(i => i.id))
    }
  }

  /** Messages waiting to be sent. */
  get pending (): number { return this.queue.pending }

  async toRoom (m: SendToRoom): Promise<void> {
    this.enqueue(m.lane ?? 'bulk', m.key, m.light === true, contents(m).map(c => ({ kind: 'room', roomId: m.roomId, mention: m.mention ?? [], ...c })))
    await this.sender.settle()
  }

  async toContact (m: SendToContact): Promise<void> {
    this.enqueue(m.lane ?? 'reply', m.key, m.light === true, contents(m).map((c, n) => ({
      kind: 'contact',
      contactId: m.contactId,
      // Only the first part falls back: the group gets one short pointer, not the details.
      ...(n === 0 && m.fallbackRoomId !== undefined && { fallbackRoomId: m.fallbackRoomId, fallbackText: m.fallbackText }),
      ...c
    })))
    await this.sender.settle()
  }

  pause (): void { this.sender.pause() }

  resume (): void { this.sender.resume() }

  // the loop's own promise, not one more wrapped around it
  drain (): Promise<void> { return this.sender.drain() }

  undelivered (): Undelivered[] { return repair.undelivered(this.queue) }

  retry (ids: number[]): number[] {
    const done = repair.retry(this.queue, ids)
    if (done.length > 0) this.sender.kick()
    return done
  }

  dismiss (ids: number[]): number[] { return repair.dismiss(this.queue, ids) }

  markReported (ids: number[]): void { repair.markReported(this.queue, ids) }

  onUndelivered (listener: (item: Undelivered) => void): void {
    this.listeners.push(listener)
  }

  /** Synchronous: the parts are in the log before the caller's next await. */
  private enqueue (lane: Lane, key: string | undefined, light: boolean, messages: Message[]): void {
    if (this.queue.enqueue(lane, key, light, messages)) this.sender.kick()
  }
}
