import { z } from 'zod'
import type { Audit } from '../app/types.js'
import type { Clock } from '../clock/clock.js'
import { shanghaiParts } from '../clock/shanghai-time.js'
import type { AppendLog, Storage } from '../storage/storage.js'

export interface AuditEntry { at: string, who: string, action: string, args: string, result: string }
export const auditEntrySchema = z.object({ at: z.string(), who: z.string(), action: z.string(), args: z.string(), result: z.string() })
export const AUDIT_LOG = 'audit'

/** The audit.json of earlier versions: its entries move into the log at the first start. */
export interface AuditData { entries: AuditEntry[] }
export const auditSchema = z.object({ entries: z.array(auditEntrySchema) })

/** Entries are kept by month (Beijing time): 2026-12. */
export function auditMonth (at: Date): string {
  const { year, month } = shanghaiParts(at)
  return `${year}-${String(month).padStart(2, '0')}`
}

/**
 * Every privileged command, refusals included: who (contact id), when, what, and how it
 * ended. An append-only log by month: recording one costs one line, whatever the history.
 */
export class AuditLog implements Audit {
  private constructor (private readonly log: AppendLog<AuditEntry>, private readonly clock: Clock) {}

  static async open (storage: Storage, clock: Clock): Promise<AuditLog> {
    const log = await storage.openLog<AuditEntry>(AUDIT_LOG, { schema: auditEntrySchema })
    const old = await storage.open<AuditData>('audit', () => ({ entries: [] }), { schema: auditSchema })
    if (old.data.entries.length > 0) {
      // Moved in one commit with the emptying of the old file: nothing lost, nothing twice.
      for (const e of old.data.entries) log.append(auditMonth(new Date(e.at)), e)
      old.update(d => { d.entries = [] })
    }
    return new AuditLog(log, clock)
  }

  record (entry: Omit<AuditEntry, 'at'>): void {
    const now = this.clock.now()
    this.log.append(auditMonth(now), { at: now.toISOString(), ...entry })
  }

  /** One month's entries, oldest first ('2026-12'). */
  async month (month: string): Promise<AuditEntry[]> {
    return await this.log.read(month)
  }

  /** Months that have entries, oldest first. */
  months (): string[] {
    return this.log.partitions()
  }
}
