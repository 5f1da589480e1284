import type { Undelivered } from '../app/types.js'
import { deliver } from './deliver.js'
import { SendFailures } from './handle-failure.js'
import type { OutboxOptions } from './outbox.js'
import type { OutboxQueue } from './outbox-queue.js'
import { Throttle } from './throttle.js'

const SEND_TIMEOUT_MS = 30_000

/**
 * Sends the queue one item at a time, at the throttle's pace, until it is empty or paused.
 * Paused from the start: the runtime resumes it on login.
 */
export class SendLoop {
  private paused = true
  private running: Promise<void> | undefined
  private readonly throttle: Throttle
  private readonly failures: SendFailures

  constructor (private readonly queue: OutboxQueue, private readonly o: OutboxOptions, listeners: ReadonlyArray<(item: Undelivered) => void>) {
    this.throttle = new Throttle(o.throttle)
    this.failures = new SendFailures(o, queue, this, listeners)
  }

  pause (): void { this.paused = true }

  resume (): void {
    this.failures.cancelRetry()
    this.paused = false
    this.kick()
  }

  async drain (): Promise<void> {
    while (this.running) await this.running
  }

  /** While paused nothing commits soon: put the queue on disk now, so it survives a restart. */
  async settle (): Promise<void> {
    if (!this.paused) return
    try {
      await this.o.commit()
    } catch (err) {
      // the storage is closed (the bot is stopping): the message stays in memory only
      this.o.logger.warn('outbox: could not commit the queue', err)
    }
  }

  /** Starts the loop, unless it is paused, already running, or has nothing to send. */
  kick (): void {
    if (this.paused || this.running || this.queue.pending === 0) return
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
    while (!this.paused && this.queue.pending > 0) {
      await this.throttle.ready()
      // Checked after the wait: a logout during it must not cost a message.
      if (this.paused) return
      const item = this.queue.take()
      if (item === undefined) return
      this.queue.append({ op: 'sending', id: item.id }, item.light)
      // Whatever the bot is about to confirm to a person is on disk before it goes out,
      // and so is the mark that this item is under way.
      try {
        await this.o.commit()
      } catch (err) {
        this.queue.putBack(item) // in memory: the next start finds it unconfirmed at worst, never sent unsaved
        throw err
      }
      if (this.paused) {
        this.queue.putBack(item)
        return
      }
      this.throttle.sent()
      try {
        await deliver(this.o.transport, item, this.o.sendTimeoutMs ?? SEND_TIMEOUT_MS)
        this.failures.delivered()
        this.queue.append({ op: 'sent', id: item.id }, item.light)
        this.queue.maybeCompact()
      } catch (err) {
        this.failures.handle(item, err)
      }
    }
  }
}
