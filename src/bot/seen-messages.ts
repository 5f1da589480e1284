import { z } from 'zod'
import type { Storage } from '../storage/storage.js'

// Puppets redeliver recent messages after a reconnect, not old ones; and anything sent
// before the start is dropped anyway. Three days is ample.
export const WINDOW_DAYS = 3
const DAY_MS = 86_400_000
const dayOf = (at: Date): string => at.toISOString().slice(0, 10)

/**
 * A 53-bit hash of a message id (cyrb53): a million remembered ids cost ~20 MB as numbers,
 * several times less than as strings. Two ids sharing a hash (odds ~1e-10 per message at a
 * million ids) would drop the later message as a redelivery.
 */
export function idHash (id: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

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
  private readonly days = new Map<string, Set<number>>()
  private readonly inFlight = new Set<string>()

  constructor (private readonly log: SeenLog, stored: Iterable<[string, Iterable<string>]>, now: Date) {
    for (const [day, ids] of stored) {
      const set = new Set<number>()
      for (const id of ids) set.add(idHash(id))
      this.days.set(day, set)
    }
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
    ids.add(idHash(id))
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
    const h = idHash(id)
    for (const ids of this.days.values()) if (ids.has(h)) return true
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
  const log = await storage.openLog<string>(SEEN_LOG, { schema: seenEntrySchema, light: true })
  const oldest = dayOf(new Date(now.getTime() - WINDOW_DAYS * DAY_MS))
  const stored: Array<[string, string[]]> = []
  for (const day of log.partitions()) stored.push([day, day >= oldest ? await log.read(day) : []])
  return new SeenMessages({ append: (day, id) => log.append(day, id), drop: day => log.drop(day) }, stored, now)
}
