import { z } from 'zod'
import type { Session } from '../app/types.js'
import type { Clock } from '../clock/clock.js'
import type { Store } from '../storage/storage.js'

interface Entry { data: unknown, expiresAt: number }
export interface SessionData { byPerson: Record<string, Record<string, Entry>> }
export const sessionSchema = z.object({
  byPerson: z.record(z.string(), z.record(z.string(), z.object({ data: z.unknown(), expiresAt: z.number() })))
})
export const emptySessions = (): SessionData => ({ byPerson: {} })

/**
 * What the bot is waiting for from one person (a digit choice, a rating, a location).
 * Persisted, so a restart does not forget that a rating was asked for.
 */
export function sessionFor (store: Store<SessionData>, clock: Clock, contactId: string): Session {
  return {
    get<T> (kind: string): T | undefined {
      const entry = store.data.byPerson[contactId]?.[kind]
      if (!entry || entry.expiresAt <= clock.now().getTime()) return undefined
      return entry.data as T
    },
    set (kind, data, ttlMinutes = 24 * 60) {
      store.update(d => {
        const mine = d.byPerson[contactId] ??= {}
        mine[kind] = { data, expiresAt: clock.now().getTime() + ttlMinutes * 60_000 }
      })
    },
    clear (kind) {
      if (store.data.byPerson[contactId]?.[kind] === undefined) return
      store.update(d => { delete d.byPerson[contactId]?.[kind] })
    }
  }
}
