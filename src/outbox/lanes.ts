import type { Lane } from '../app/types.js'
import type { Item, Queue } from './outbox-ops.js'

/** The order the lanes are served in: replies to people before broadcasts. */
const ORDER: Lane[] = ['reply', 'bulk']

/** The queued items of each lane, by id, in the order they go out. */
export class Lanes {
  private readonly ids: Record<Lane, number[]> = { reply: [], bulk: [] }

  /** The items a replayed log left queued, oldest first. */
  constructor (private readonly q: Queue) {
    for (const item of [...q.items.values()].sort((a, b) => a.id - b.id)) {
      if (item.state === 'queued') this.ids[item.lane].push(item.id)
    }
  }

  get size (): number { return this.ids.reply.length + this.ids.bulk.length }

  /** A new item: last in its lane. */
  add (lane: Lane, id: number): void { this.ids[lane].push(id) }

  /** An item taken but not sent: first in its lane again. */
  putBack (item: Item): void { this.ids[item.lane].unshift(item.id) }

  /** An item the chair resends: in id order among the others. */
  insert (item: Item): void {
    const lane = this.ids[item.lane]
    lane.push(item.id)
    lane.sort((a, b) => a - b)
  }

  /** Takes the oldest item of the first lane that has one: replies before broadcasts. */
  take (): Item | undefined {
    for (const lane of ORDER) {
      const id = this.ids[lane].shift()
      if (id !== undefined) return this.q.items.get(id)
    }
    return undefined
  }
}
