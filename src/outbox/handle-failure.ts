import type { Undelivered } from '../app/types.js'
import { describe } from './deliver.js'
import type { OutboxOptions } from './outbox.js'
import type { Item } from './outbox-ops.js'
import type { OutboxQueue } from './outbox-queue.js'
import { isTransportError, NotAFriendError, reasonOf } from './send-error.js'

/** How long the outbox waits before it retries by itself, after each connection failure in a row. */
const RETRY_MS = [5_000, 30_000, 120_000, 300_000]

/** What becomes of an item whose send failed: kept for the connection, dropped quietly, or refused for good. */
type Outcome = 'keep' | 'drop' | 'refuse'

/** The first that matches decides; a failure none matches is refused for good. */
const OUTCOMES: Array<[(item: Item, err: unknown) => boolean, Outcome]> = [
  [(_item, err) => isTransportError(err), 'keep'],
  [(item, err) => err instanceof NotAFriendError && item.lane === 'reply', 'drop']
]

/** What the outbox does when a send fails, and its retries after connection failures. */
export class SendFailures {
  private transportFailures = 0
  private retryTimer: NodeJS.Timeout | undefined

  constructor (
    private readonly o: Pick<OutboxOptions, 'logger' | 'onTransportError'>,
    private readonly queue: OutboxQueue,
    /** the send loop: paused on a connection failure, resumed by the retry */
    private readonly loop: { pause: () => void, resume: () => void },
    private readonly listeners: ReadonlyArray<(item: Undelivered) => void>
  ) {}

  handle (item: Item, err: unknown): void {
    const outcome = OUTCOMES.find(([matches]) => matches(item, err))?.[1] ?? 'refuse'
    this[outcome](item, err)
  }

  /** A send went through: the next connection failure is retried after the shortest wait. */
  delivered (): void { this.transportFailures = 0 }

  /** The loop resumes (on login, or by the retry): a retry still due is moot. */
  cancelRetry (): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = undefined
  }

  private keep (item: Item, err: unknown): void {
    // The message is kept and goes first when the connection is back.
    this.queue.putBack(item)
    this.loop.pause()
    this.o.logger.warn(`outbox: connection lost while sending message ${item.id}; paused, ${this.queue.pending} message(s) kept`, err)
    if (this.o.onTransportError) {
      try { this.o.onTransportError(err) } catch (e) { this.o.logger.error('outbox: onTransportError failed', e) }
    } else {
      this.retryLater()
    }
  }

  private drop (item: Item, err: unknown): void {
    // An answer to someone who cannot receive private messages (or a part after the pointer
    // they got in the group): nothing the chair could repair, so not reported.
    this.o.logger.warn(`outbox: ${(err as Error).message}; message ${item.id} dropped`)
    this.queue.append({ op: 'dismissed', id: item.id })
  }

  private refuse (item: Item, err: unknown): void {
    this.o.logger.error(`outbox: message ${item.id} refused for good`, err)
    this.queue.append({ op: 'failed', id: item.id, reason: reasonOf(err) })
    for (const listener of this.listeners) {
      try { listener(describe(item)) } catch (e) { this.o.logger.error('outbox: undelivered listener failed', e) }
    }
  }

  private retryLater (): void {
    const delay = RETRY_MS[Math.min(this.transportFailures++, RETRY_MS.length - 1)]!
    this.retryTimer = setTimeout(() => this.loop.resume(), delay)
    this.retryTimer.unref()
  }
}
