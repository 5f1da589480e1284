import { z } from 'zod'
import type { Calendar } from './calendar-schema.js'
import type { JobId } from './calendar-jobs.js'
import { occurrencesBetween } from './occurrences-between.js'
import { DAY_MS, HOUR_MS } from '../clock/shanghai-time.js'

// The persisted record of every scheduled occurrence and each of its targets. It is a plain
// object so the storage layer can write it as JSON after every change. The protocol that
// makes "never twice" hold across crashes: a target is marked `sent` and the record saved
// BEFORE the message is handed to the outbox. A crash after the save and before the hand-off
// loses that one message (reported nowhere but the log); a crash anywhere else resumes with
// exactly the targets still pending. Sending twice is worse than once late, so this order.

export type TargetState = 'pending' | 'sent' | 'too-late'

export interface TargetRecord {
  state: TargetState
  /** when it was marked sent or too late */
  at?: string
}

export interface OccurrenceEntry {
  job: JobId
  scheduledAt: string
  targets: Record<string, TargetRecord>
}

export interface OccurrenceRecord {
  /** the `now` of the last check; occurrences after it have not been looked at yet */
  lastCheckedAt?: string
  entries: Record<string, OccurrenceEntry>
}

export interface DueSend { key: string, job: JobId, scheduledAt: Date, target: string }
export interface MissedOccurrence { key: string, job: JobId, scheduledAt: Date, targets: string[] }

export interface CheckResult {
  record: OccurrenceRecord
  /** targets to send now, oldest occurrence first */
  toSend: DueSend[]
  /** occurrences that became too late in this check: report them to the chair, once */
  tooLate: MissedOccurrence[]
  /** occurrences with no target (no owner group found...): report them too */
  unroutable: MissedOccurrence[]
}

export interface CheckInput {
  record: OccurrenceRecord
  calendar: Calendar
  now: Date
  /** the targets a job goes to, resolved by the caller (room or contact ids); used once per occurrence */
  targetsOf: (job: JobId) => string[]
  /** how far back a first look after a long stop goes (default 400 days) */
  maxLookbackDays?: number
}

/** The file name of the record (schedule-occurrences.json). */
export const OCCURRENCE_STORE = 'schedule-occurrences'

export const occurrenceSchema = z.object({
  lastCheckedAt: z.string().optional(),
  entries: z.record(z.string(), z.object({ job: z.string(), scheduledAt: z.string(), targets: z.record(z.string(), z.object({ state: z.enum(['pending', 'sent', 'too-late']), at: z.string().optional() })) }))
})

export const emptyOccurrenceRecord = (): OccurrenceRecord => ({ entries: {} })

export const occurrenceKey = (job: JobId, at: Date): string => `${job}@${at.toISOString()}`

const KEEP_DAYS = 400

function graceEnds (calendar: Calendar, job: JobId, scheduledAt: Date): number {
  return scheduledAt.getTime() + calendar[job].grace_hours * HOUR_MS
}

/**
 * A fresh install sends nothing from before it was first started: it starts its record with
 * `now` as the last check. Returns the record unchanged when it already has one.
 */
export function startOccurrenceRecord (record: OccurrenceRecord, now: Date): OccurrenceRecord {
  return record.lastCheckedAt === undefined ? { ...record, lastCheckedAt: now.toISOString() } : record
}

/**
 * Decides, for one `now`, what is due and what is too late. New occurrences since the last
 * check are added with every target pending (or too late at once when their grace window has
 * passed); pending targets of earlier occurrences (a crash mid-broadcast) are due again while
 * the window lasts. Calling it twice with the same `now` yields nothing new the second time
 * except the same still-pending targets, which markSent removes.
 */
export function checkOccurrences (input: CheckInput): CheckResult {
  const { calendar, now } = input
  const lookback = (input.maxLookbackDays ?? KEEP_DAYS) * DAY_MS
  const last = input.record.lastCheckedAt !== undefined ? new Date(input.record.lastCheckedAt) : now
  const from = new Date(Math.max(last.getTime(), now.getTime() - lookback))
  const entries: Record<string, OccurrenceEntry> = { ...input.record.entries }
  const toSend: DueSend[] = []
  const tooLate: MissedOccurrence[] = []
  const unroutable: MissedOccurrence[] = []

  for (const { job, at } of occurrencesBetween(calendar, from, now)) {
    const key = occurrenceKey(job, at)
    if (entries[key] !== undefined) continue
    const targets = [...new Set(input.targetsOf(job))]
    const late = now.getTime() > graceEnds(calendar, job, at)
    entries[key] = {
      job,
      scheduledAt: at.toISOString(),
      targets: Object.fromEntries(targets.map(t => [t, late ? { state: 'too-late', at: now.toISOString() } : { state: 'pending' }]))
    }
    if (targets.length === 0) unroutable.push({ key, job, scheduledAt: at, targets })
    else if (late) tooLate.push({ key, job, scheduledAt: at, targets })
  }

  for (const [key, entry] of Object.entries(entries).sort(([, a], [, b]) => a.scheduledAt.localeCompare(b.scheduledAt))) {
    const pending = Object.entries(entry.targets).filter(([, t]) => t.state === 'pending').map(([target]) => target)
    if (pending.length === 0) continue
    const scheduledAt = new Date(entry.scheduledAt)
    // a job switched off (or dropped from the calendar) since: its leftovers are closed quietly
    const stillOn = (calendar as Partial<Calendar>)[entry.job]?.enabled === true
    if (stillOn && now.getTime() <= graceEnds(calendar, entry.job, scheduledAt)) {
      for (const target of pending) toSend.push({ key, job: entry.job, scheduledAt, target })
      continue
    }
    const targets = { ...entry.targets }
    for (const target of pending) targets[target] = { state: 'too-late', at: now.toISOString() }
    entries[key] = { ...entry, targets }
    if (stillOn) tooLate.push({ key, job: entry.job, scheduledAt, targets: pending })
  }

  const cutoff = now.getTime() - KEEP_DAYS * DAY_MS
  for (const [key, entry] of Object.entries(entries)) {
    if (new Date(entry.scheduledAt).getTime() < Math.min(cutoff, from.getTime())) delete entries[key]
  }
  const lastCheckedAt = now.toISOString()
  return { record: { lastCheckedAt, entries }, toSend, tooLate, unroutable }
}

/** Marks one target sent. Call it, and save the record, before handing the message to the outbox. */
export function markSent (record: OccurrenceRecord, key: string, target: string, now: Date): OccurrenceRecord {
  const entry = record.entries[key]
  if (entry?.targets[target]?.state !== 'pending') return record
  return {
    ...record,
    entries: { ...record.entries, [key]: { ...entry, targets: { ...entry.targets, [target]: { state: 'sent', at: now.toISOString() } } } }
  }
}

export function isPending (record: OccurrenceRecord, key: string, target: string): boolean {
  return record.entries[key]?.targets[target]?.state === 'pending'
}
