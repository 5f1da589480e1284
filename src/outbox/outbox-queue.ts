import type { Lane } from '../app/types.js'
import { Lanes } from './lanes.js'
import { apply, compact, hasKey, replay, type Item, type Message, type Op, type Queue } from './outbox-ops.js'

/** Where the outbox keeps its log (see outbox-log.ts): appends are durable at the next commit. */
export interface OutboxLog {
  /** `light`: the op of a light item (see SendOptions.light) */
  append (op: Op, light?: boolean): void
  /** Compaction: the whole log becomes `ops`. */
  replace (ops: Op[]): void
}

/** The queue in memory, in step with its log: every change is appended as it is applied. */
export class OutboxQueue {
  private readonly q: Queue
  private readonly lanes: Lanes
  private appended = 0

  constructor (private readonly log: OutboxLog, ops: Iterable<Op>, private readonly compactAfter = 1000) {
    this.q = replay(ops)
    this.lanes = new Lanes(this.q)
  }

  /** Messages waiting to be sent. */
  get pending (): number { return this.lanes.size }

  /** Every item still in the log: queued, under way, or undelivered. */
  all (): Item[] { return [...this.q.items.values()] }

  item (id: number): Item | undefined { return this.q.items.get(id) }

  append (op: Op, light = false): void {
    this.log.append(op, light)
    apply(this.q, op)
    this.appended++
  }

  /**
   * Appends a message's parts, each last in `lane`; false, with nothing appended, when a
   * message with this key is already in the log.
   */
  enqueue (lane: Lane, key: string | undefined, light: boolean, messages: Message[]): boolean {
    if (key !== undefined && hasKey(this.q, key)) return false
    const at = Date.now()
    for (const [n, message] of messages.entries()) {
      const id = this.q.nextId
      const partKey = key === undefined ? undefined : n === 0 ? key : `${key}#${n + 1}`
      this.append({ op: 'add', id, lane, at, message, ...(partKey !== undefined && { key: partKey }) }, light)
      if (light) this.q.items.get(id)!.light = true
      this.lanes.add(lane, id)
    }
    return true
  }

  /** The next item to send, taken off its lane: replies before broadcasts. */
  take (): Item | undefined { return this.lanes.take() }

  /** An item taken but not sent: queued again, first in its lane. */
  putBack (item: Item): void {
    this.append({ op: 'queued', id: item.id })
    this.lanes.putBack(item)
  }

  /** An undelivered item the chair resends: queued again, in id order. */
  requeue (item: Item): void {
    this.append({ op: 'queued', id: item.id })
    this.lanes.insert(item)
  }

  maybeCompact (): void {
    if (this.appended < this.compactAfter || this.appended < 4 * this.q.items.size) return
    this.log.replace(compact(this.q, Date.now()))
    this.appended = 0
  }
}
