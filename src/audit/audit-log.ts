import { z } from 'zod'
import type { Audit } from '../app/types.js'
import type { Clock } from '../clock/clock.js'
import type { Store } from '../storage/storage.js'

export interface AuditEntry { at: string, who: string, action: string, args: string, result: string }
export interface AuditData { entries: AuditEntry[] }
export const auditSchema = z.object({
  entries: z.array(z.object({ at: z.string(), who: z.string(), action: z.string(), args: z.string(), result: z.string() }))
})
export const emptyAudit = (): AuditData => ({ entries: [] })

/** Every privileged command: who (contact id), when, what, and how it ended. */
export function createAudit (store: Store<AuditData>, clock: Clock): Audit {
  return {
    record: entry => store.update(d => { d.entries.push({ at: clock.now().toISOString(), ...entry }) })
  }
}
