import { z } from 'zod'
import type { Storage } from '../storage/storage.js'

// Puppets redeliver recent messages after a reconnect, not old ones; and anything sent
// before the start is dropped anyway. Three days is ample.
export const WINDOW_DAYS = 3
const DAY_MS = 86_400_000
const dayOf = (at: Date): string => at.toISOString().slice(0, 10)

/** Where remembered ids are kept, one partition per (UTC) day. */
export interface SeenLog {
  append (day: string, id: string): void
  drop (day: string): void
}

/**
 * Message ids the bot acted on, remembered across restarts for a few days, so a redelivery
 * is answered once. Chatter that is not for the bot is never written: a message is first
 * claimed in memory, then recorded only when the bot acts on it, or released.
 */
export class SeenMessages {
  private readonly days = new Map<string, Set<string>>()
  private readonly inFlight = new Set<string>()

  constructor (private readonly log: SeenLog, stored: Iterable<[string, Iterable<string>]>, now: Date) {
    for (const [day, ids] of stored) this.days.set(day, new Set(ids))
    this.prune(now)
  }

  /** False when the id was acted on before or is being looked at now; costs no write. */
  claim (id: string): boolean {
    if (this.inFlight.has(id) || this.has(id)) return false
    this.inFlight.add(id)
    return true
  }

  /** The bot acts on this message: remember it (one small append). */
  record (id: string, at: Date): void {
    this.inFlight.delete(id)
    const day = dayOf(at)
    let ids = this.days.get(day)
    if (!ids) {
      this.days.set(day, ids = new Set())
      this.prune(at)
    }
    ids.add(id)
    this.log.append(day, id)
  }

  /** Not for the bot: forget the claim; nothing was written. */
  release (id: string): void {
    this.inFlight.delete(id)
  }

  get size (): number {
    let n = 0
    for (const ids of this.days.values()) n += ids.size
    return n
  }

  private has (id: string): boolean {
    for (const ids of this.days.values()) if (ids.has(id)) return true
    return false
  }

  /** Days older than the window leave memory and disk. */
  private prune (now: Date): void {
    const oldest = dayOf(new Date(now.getTime() - WINDOW_DAYS * DAY_MS))
    for (const day of [...this.days.keys()]) {
      if (day >= oldest) continue
      this.days.delete(day)
      this.log.drop(day)
    }
  }
}

export const SEEN_LOG = 'seen-messages'
export const seenEntrySchema = z.string()

/** Open the remembered ids: an append-only log, one partition per day, old days dropped. */
export async function openSeenMessages (storage: Storage, now: Date): Promise<SeenMessages> {
  const log = await storage.openLog<string>(SEEN_LOG, { schema: seenEntrySchema })
  const oldest = dayOf(new Date(now.getTime() - WINDOW_DAYS * DAY_MS))
  const stored: Array<[string, string[]]> = []
  for (const day of log.partitions()) stored.push([day, day >= oldest ? await log.read(day) : []])
  return new SeenMessages({ append: (day, id) => log.append(day, id), drop: day => log.drop(day) }, stored, now)
}
