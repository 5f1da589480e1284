import { z } from 'zod'
import type { Session } from '../app/types.js'
import type { Clock } from '../clock/clock.js'
import type { AppendLog, Storage } from '../storage/storage.js'

/** One change: a value set until `until` (ms), or (until 0) cleared. `n` orders changes across days. */
interface Change { n: number, who: string, kind: string, data?: unknown, until: number }
const changeSchema = z.object({ n: z.number().int(), who: z.string(), kind: z.string(), data: z.unknown().optional(), until: z.number() })
export const SESSIONS_LOG = 'sessions-log'
export const sessionEntrySchema = changeSchema

/** The sessions.json of earlier versions: its live entries move into the log at the first start. */
interface Entry { data: unknown, expiresAt: number }
export interface SessionData { byPerson: Record<string, Record<string, Entry>> }
export const sessionSchema = z.object({
  byPerson: z.record(z.string(), z.record(z.string(), z.object({ data: z.unknown(), expiresAt: z.number() })))
})

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * What the bot is waiting for from each person (a digit choice, a rating, a location),
 * persisted so a restart does not forget that a rating was asked for. Each change is one
 * appended line, filed under the day it expires: a day's file is dropped whole once that
 * day is over, so nothing expired is kept and nothing is rewritten per answer.
 */
export class Sessions {
  private readonly live = new Map<string, Map<string, { data: unknown, until: number }>>()
  private n = 0
  private today = ''

  private constructor (private readonly log: AppendLog<Change>, private readonly clock: Clock) {}

  static async open (storage: Storage, clock: Clock): Promise<Sessions> {
    const log = await storage.openLog<Change>(SESSIONS_LOG, { schema: changeSchema, light: true })
    const sessions = new Sessions(log, clock)
    const now = clock.now().getTime()
    // Not push(...): a day's file can hold more changes than a call takes arguments.
    const changes = (await Promise.all(log.partitions().filter(day => day >= dayOf(now)).map(async day => await log.read(day)))).flat()
    for (const c of changes.sort((a, b) => a.n - b.n)) sessions.apply(c)
    sessions.n = changes.reduce((max, c) => Math.max(max, c.n), 0)
    sessions.prune(now)
    await sessions.migrate(storage, now)
    return sessions
  }

  /** The session of one person. */
  for (contactId: string): Session {
    return {
      get: <T>(kind: string): T | undefined => {
        const entry = this.live.get(contactId)?.get(kind)
        if (!entry) return undefined
        if (entry.until > this.clock.now().getTime()) return entry.data as T
        this.forget(contactId, kind) // expired: its day's file goes when the day does
        return undefined
      },
      set: (kind, data, ttlMinutes = 24 * 60) => {
        this.change({ n: ++this.n, who: contactId, kind, data, until: this.clock.now().getTime() + ttlMinutes * 60_000 })
      },
      clear: kind => {
        const entry = this.live.get(contactId)?.get(kind)
        if (!entry) return
        this.change({ n: ++this.n, who: contactId, kind, until: 0 })
      }
    }
  }

  /** People with a live session (for tests and the bench). */
  get size (): number { return this.live.size }

  private change (c: Change): void {
    this.prune(this.clock.now().getTime())
    // Filed no earlier than the value it replaces or clears, so that value's file can never
    // outlive it and bring it back at a restart.
    const before = this.live.get(c.who)?.get(c.kind)
    const days = [c.until === 0 ? '' : dayOf(c.until), before ? dayOf(before.until) : ''].sort()
    this.log.append(days[1]!, c)
    this.apply(c)
  }

  private apply (c: Change): void {
    if (c.until === 0) return this.forget(c.who, c.kind)
    let mine = this.live.get(c.who)
    if (!mine) this.live.set(c.who, mine = new Map())
    mine.set(c.kind, { data: c.data, until: c.until })
  }

  private forget (who: string, kind: string): void {
    const mine = this.live.get(who)
    mine?.delete(kind)
    if (mine?.size === 0) this.live.delete(who)
  }

  /** Once a day: drop the files of days gone by and what expired from memory. */
  private prune (now: number): void {
    const today = dayOf(now)
    if (today === this.today) return
    this.today = today
    for (const day of this.log.partitions()) if (day < today) this.log.drop(day)
    for (const [who, mine] of this.live) {
      for (const [kind, e] of mine) if (e.until <= now) mine.delete(kind)
      if (mine.size === 0) this.live.delete(who)
    }
  }

  private async migrate (storage: Storage, now: number): Promise<void> {
    const old = await storage.open<SessionData>('sessions', () => ({ byPerson: {} }), { schema: sessionSchema })
    if (Object.keys(old.data.byPerson).length === 0) return
    for (const [who, kinds] of Object.entries(old.data.byPerson)) {
      for (const [kind, e] of Object.entries(kinds)) {
        if (e.expiresAt > now && !this.live.get(who)?.has(kind)) this.change({ n: ++this.n, who, kind, data: e.data, until: e.expiresAt })
      }
    }
    old.update(d => { d.byPerson = {} })
  }
}
