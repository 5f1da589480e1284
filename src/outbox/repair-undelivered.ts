import type { Undelivered } from '../app/types.js'
import { describe } from './deliver.js'
import { isUndelivered, type Item } from './outbox-ops.js'
import type { OutboxQueue } from './outbox-queue.js'

// The chair's repairs (/重发, src/features/delivery) of messages that may not have arrived:
// unconfirmed ones, caught mid-send by a stop, and failed ones, refused by WeChat for good.
// Only the chair resends them; ids that are not undelivered (any more) are passed over.

/** Unconfirmed and failed messages, oldest first. */
export function undelivered (queue: OutboxQueue): Undelivered[] {
  return queue.all().filter(isUndelivered)
    .sort((a, b) => a.id - b.id).map(describe)
}

/** Queues them again; returns the ids requeued (the caller starts the send loop). */
export function retry (queue: OutboxQueue, ids: number[]): number[] {
  const done = undeliveredOf(queue, ids)
  for (const item of done) queue.requeue(item)
  return done.map(i => i.id)
}

/** Forgets them; returns the ids dismissed. */
export function dismiss (queue: OutboxQueue, ids: number[]): number[] {
  const done = undeliveredOf(queue, ids)
  for (const item of done) queue.append({ op: 'dismissed', id: item.id })
  return done.map(i => i.id)
}

export function markReported (queue: OutboxQueue, ids: number[]): void {
  for (const item of undeliveredOf(queue, ids)) if (item.reported !== true) queue.append({ op: 'reported', id: item.id })
}

function undeliveredOf (queue: OutboxQueue, ids: number[]): Item[] {
  return [...new Set(ids)].map(id => queue.item(id))
    .filter((i): i is Item => i !== undefined && isUndelivered(i))
}
