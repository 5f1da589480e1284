import { z } from 'zod'
import type { Store } from '../storage/storage.js'

export interface SeenData { ids: string[] }
export const seenSchema = z.object({ ids: z.array(z.string()) })
export const emptySeen = (): SeenData => ({ ids: [] })

const KEEP = 5000 // puppets redeliver recent messages after a reconnect, not old ones

/** Message ids already handled, remembered across restarts, so a redelivery is answered once. */
export class SeenMessages {
  private readonly set: Set<string>

  constructor (private readonly store: Store<SeenData>) {
    this.set = new Set(store.data.ids)
  }

  /** True the first time an id is offered, false ever after. */
  firstTime (id: string): boolean {
    if (this.set.has(id)) return false
    this.set.add(id)
    this.store.update(d => {
      d.ids.push(id)
      if (d.ids.length > KEEP * 1.2) d.ids = d.ids.slice(-KEEP)
    })
    return true
  }
}
