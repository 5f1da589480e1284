import { DAY_MS, HOUR_MS } from '../schedule/shanghai-time.js'

// Reminders before every meeting, as data. Times are relative to the meeting's start.

export const REMINDERS = [
  { kind: 'T-7d', beforeMs: 7 * DAY_MS, label: '还有7天' },
  { kind: 'T-1d', beforeMs: DAY_MS, label: '明天' },
  { kind: 'T-2h', beforeMs: 2 * HOUR_MS, label: '2小时后' }
] as const
export type ReminderKind = typeof REMINDERS[number]['kind']

export interface ReminderTime { kind: ReminderKind, at: Date, label: string }

/** The reminders still ahead when a meeting is announced at `createdAt` (a meeting 3 days away gets T-1d and T-2h). */
export function reminderTimes (meetingAt: Date, createdAt: Date): ReminderTime[] {
  return REMINDERS
    .map(r => ({ kind: r.kind, at: new Date(meetingAt.getTime() - r.beforeMs), label: r.label }))
    .filter(r => r.at.getTime() > createdAt.getTime())
}

export type ReminderState = 'pending' | 'sent' | 'skipped'

/**
 * Which pending reminder to send at `now`: the latest one whose time has come, if the meeting
 * has not started. Earlier ones that were missed (the bot was down) are skipped, not sent late
 * in a row: owners get one reminder with the right wording, not three.
 */
export function dueReminder (
  meetingAt: Date,
  reminders: Partial<Record<ReminderKind, ReminderState>>,
  now: Date
): { send?: ReminderKind, skip: ReminderKind[] } {
  const due = REMINDERS.filter(r =>
    reminders[r.kind] === 'pending' && meetingAt.getTime() - r.beforeMs <= now.getTime())
  if (due.length === 0) return { skip: [] }
  if (now.getTime() >= meetingAt.getTime()) return { skip: due.map(r => r.kind) }
  const latest = due.at(-1)
  return { ...(latest !== undefined && { send: latest.kind }), skip: due.slice(0, -1).map(r => r.kind) }
}
