import type { Lane, Outbox, SendToContact, SendToRoom, Undelivered } from '../app/types.js'
import type { Logger } from '../log/logger.js'
import { apply, compact, hasKey, isUndelivered, replay, type Item, type Message, type Op, type Queue } from './outbox-ops.js'
import type { Transport } from './deliver.js'
import { contents, deliver, describe } from './deliver.js'
import { isTransportError, NotAFriendError, reasonOf } from './send-error.js'
import { Throttle, type ThrottleOptions } from './throttle.js'

export type { Transport } from './deliver.js'

/** Where the outbox keeps its log (see outbox-log.ts): appends are durable at the next commit. */
export interface OutboxLog {
  /** `light`: the op of a light item (see SendOptions.light) */
  append (op: Op, light?: boolean): void
  /** Compaction: the whole log becomes `ops`. */
  replace (ops: Op[]): void
}

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

const LANES: Lane[] = ['reply', 'bulk']
const RETRY_MS = [5_000, 30_000, 120_000, 300_000]
const SEND_TIMEOUT_MS = 30_000

/**
 * The one queue every outgoing message goes through: WeChat bans accounts that send fast.
 * Two lanes (replies to people before broadcasts), persisted as an append-only log so queued
 * messages survive a restart, paused while logged out or while the connection is down.
 */
export class ThrottledOutbox implements Outbox {
  private paused = true
  private running: Promise<void> | undefined
  private readonly throttle: Throttle
  private readonly q: Queue
  private readonly lanes: Record<Lane, number[]> = { reply: [], bulk: [] }
  private readonly listeners: Array<(item: Undelivered) => void> = []
  private appended = 0
  private transportFailures = 0
  private retryTimer: NodeJS.Timeout | undefined

  constructor (private readonly o: OutboxOptions) {
    this.throttle = new Throttle(o.throttle)
    this.q = replay(o.ops)
    for (const item of [...this.q.items.values()].sort((a, b) => a.id - b.id)) {
      if (item.state === 'queued') this.lanes[item.lane].push(item.id)
    }
    const unconfirmed = [...this.q.items.values()].filter(i => i.state === 'unconfirmed' && i.reported !== true)
    if (unconfirmed.length > 0) {
      o.logger.warn(`outbox: ${unconfirmed.length} message(s) were mid-send when the bot stopped; kept as unconfirmed for the chair`, unconfirmed.map(i => i.id))
    }
  }

  /** Messages waiting to be sent. */
  get pending (): number { return this.lanes.reply.length + this.lanes.bulk.length }

  async toRoom (m: SendToRoom): Promise<void> {
    this.enqueue(m.lane ?? 'bulk', m.key, m.light === true, contents(m).map(c => ({ kind: 'room', roomId: m.roomId, mention: m.mention ?? [], ...c })))
    await this.settleQueue()
  }

  async toContact (m: SendToContact): Promise<void> {
    this.enqueue(m.lane ?? 'reply', m.key, m.light === true, contents(m).map((c, n) => ({
      kind: 'contact',
      contactId: m.contactId,
      // Only the first part falls back: the group gets one short pointer, not the details.
      ...(n === 0 && m.fallbackRoomId !== undefined && { fallbackRoomId: m.fallbackRoomId, fallbackText: m.fallbackText }),
      ...c
    })))
    await this.settleQueue()
  }

  pause (): void { this.paused = true }

  resume (): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.paused = false
    this.kick()
  }

  async drain (): Promise<void> {
    while (this.running) await this.running
  }

  undelivered (): Undelivered[] {
    return [...this.q.items.values()].filter(isUndelivered)
      .sort((a, b) => a.id - b.id).map(describe)
  }

  retry (ids: number[]): number[] {
    const done = this.undeliveredOf(ids)
    for (const item of done) {
      this.append({ op: 'queued', id: item.id })
      const lane = this.lanes[item.lane]
      lane.push(item.id)
      lane.sort((a, b) => a - b)
    }
    if (done.length > 0) this.kick()
    return done.map(i => i.id)
  }

  dismiss (ids: number[]): number[] {
    const done = this.undeliveredOf(ids)
    for (const item of done) this.append({ op: 'dismissed', id: item.id })
    return done.map(i => i.id)
  }

  markReported (ids: number[]): void {
    for (const item of this.undeliveredOf(ids)) if (item.reported !== true) this.append({ op: 'reported', id: item.id })
  }

  onUndelivered (listener: (item: Undelivered) => void): void {
    this.listeners.push(listener)
  }

  private undeliveredOf (ids: number[]): Item[] {
    return [...new Set(ids)].map(id => this.q.items.get(id))
      .filter((i): i is Item => i !== undefined && isUndelivered(i))
  }

  /** Synchronous: the parts are in the log before the caller's next await. */
  private enqueue (lane: Lane, key: string | undefined, light: boolean, messages: Message[]): void {
    if (key !== undefined && hasKey(this.q, key)) return
    const at = Date.now()
    for (const [n, message] of messages.entries()) {
      const id = this.q.nextId
      const partKey = key === undefined ? undefined : n === 0 ? key : `${key}#${n + 1}`
      this.append({ op: 'add', id, lane, at, message, ...(partKey !== undefined && { key: partKey }) }, light)
      if (light) this.q.items.get(id)!.light = true
      this.lanes[lane].push(id)
    }
    this.kick()
  }

  /** While paused nothing commits soon: put the queue on disk now, so it survives a restart. */
  private async settleQueue (): Promise<void> {
    if (!this.paused) return
    try {
      await this.o.commit()
    } catch (err) {
      // the storage is closed (the bot is stopping): the message stays in memory only
      this.o.logger.warn('outbox: could not commit the queue', err)
    }
  }

  private append (op: Op, light = false): void {
    this.o.log.append(op, light)
    apply(this.q, op)
    this.appended++
  }

  private kick (): void {
    if (this.paused || this.running || this.pending === 0) return
    this.running = this.loop().catch(err => {
      // the storage could not commit (closed on stop, or a disk error): nothing is sent unsaved
      this.paused = true
      this.o.logger.error('outbox: paused, the queue could not be saved', err)
    }).finally(() => {
      this.running = undefined
      // Items queued during the loop's last await were not picked up by it.
      this.kick()
    })
  }

  private async loop (): Promise<void> {
    while (!this.paused && this.pending > 0) {
      await this.throttle.ready()
      // Checked after the wait: a logout during it must not cost a message.
      if (this.paused) return
      const item = this.next()
      if (item === undefined) return
      this.append({ op: 'sending', id: item.id }, item.light)
      // Whatever the bot is about to confirm to a person is on disk before it goes out,
      // and so is the mark that this item is under way.
      try {
        await this.o.commit()
      } catch (err) {
        this.requeue(item) // in memory: the next start finds it unconfirmed at worst, never sent unsaved
        throw err
      }
      if (this.paused) {
        this.requeue(item)
        return
      }
      this.throttle.sent()
      try {
        await deliver(this.o.transport, item, this.o.sendTimeoutMs ?? SEND_TIMEOUT_MS)
        this.transportFailures = 0
        this.append({ op: 'sent', id: item.id }, item.light)
        this.maybeCompact()
      } catch (err) {
        this.failed(item, err)
      }
    }
  }

  /** The oldest message of the first lane that has one: replies before broadcasts. */
  private next (): Item | undefined {
    for (const lane of LANES) {
      const id = this.lanes[lane].shift()
      if (id !== undefined) return this.q.items.get(id)
    }
    return undefined
  }

  private requeue (item: Item): void {
    this.append({ op: 'queued', id: item.id })
    this.lanes[item.lane].unshift(item.id)
  }

  private failed (item: Item, err: unknown): void {
    if (isTransportError(err)) {
      // The message is kept and goes first when the connection is back.
      this.requeue(item)
      this.paused = true
      this.o.logger.warn(`outbox: connection lost while sending message ${item.id}; paused, ${this.pending} message(s) kept`, err)
      if (this.o.onTransportError) {
        try { this.o.onTransportError(err) } catch (e) { this.o.logger.error('outbox: onTransportError failed', e) }
      } else {
        this.retryLater()
      }
      return
    }
    if (err instanceof NotAFriendError && item.lane === 'reply') {
      // An answer to someone who cannot receive private messages (or a part after the pointer
      // they got in the group): nothing the chair could repair, so not reported.
      this.o.logger.warn(`outbox: ${(err as Error).message}; message ${item.id} dropped`)
      this.append({ op: 'dismissed', id: item.id })
      return
    }
    this.o.logger.error(`outbox: message ${item.id} refused for good`, err)
    this.append({ op: 'failed', id: item.id, reason: reasonOf(err) })
    for (const listener of this.listeners) {
      try { listener(describe(item)) } catch (e) { this.o.logger.error('outbox: undelivered listener failed', e) }
    }
  }

  private retryLater (): void {
    const delay = RETRY_MS[Math.min(this.transportFailures++, RETRY_MS.length - 1)]!
    this.retryTimer = setTimeout(() => this.resume(), delay)
    this.retryTimer.unref()
  }

  private maybeCompact (): void {
    const threshold = this.o.compactAfter ?? 1000
    if (this.appended < threshold || this.appended < 4 * this.q.items.size) return
    this.o.log.replace(compact(this.q, Date.now()))
    this.appended = 0
  }

}
