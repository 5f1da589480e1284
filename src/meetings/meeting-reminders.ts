import { DAY_MS, HOUR_MS, MINUTE_MS, calendarDaysBetween } from '../clock/shanghai-time.js'

// Reminders before every meeting, as data. Times are relative to the meeting's start.
// `minAfterNoticeMs`: a reminder that would come this soon after the notice itself is left
// out (a meeting announced 8 days ahead gets no "7 days to go" reminder the next morning).

export const REMINDERS = [
  { kind: 'T-7d', beforeMs: 7 * DAY_MS, minAfterNoticeMs: 2 * DAY_MS },
  { kind: 'T-1d', beforeMs: DAY_MS, minAfterNoticeMs: 12 * HOUR_MS },
  { kind: 'T-2h', beforeMs: 2 * HOUR_MS, minAfterNoticeMs: HOUR_MS }
] as const
export type ReminderKind = typeof REMINDERS[number]['kind']

export interface ReminderTime { kind: ReminderKind, at: Date }

/** The reminders worth sending when a meeting is announced at `createdAt` (a meeting 3 days away gets T-1d and T-2h). */
export function reminderTimes (meetingAt: Date, createdAt: Date): ReminderTime[] {
  return REMINDERS
    .map(r => ({ kind: r.kind, at: new Date(meetingAt.getTime() - r.beforeMs), gap: r.minAfterNoticeMs }))
    .filter(r => r.at.getTime() - createdAt.getTime() >= r.gap)
    .map(({ kind, at }) => ({ kind, at }))
}

/**
 * How far off the meeting is, as the reminder says it at `now`: "还有7天", "明天", "今天",
 * "2小时后". Worked out when sent, so a reminder that goes out late after a stop is still true.
 */
export function timeToGo (meetingAt: Date, now: Date): string {
  const days = calendarDaysBetween(now, meetingAt)
  if (days >= 2) return `还有${days}天`
  if (days === 1) return '明天'
  const minutes = Math.max(0, Math.round((meetingAt.getTime() - now.getTime()) / MINUTE_MS))
  if (minutes > 3 * 60) return '今天'
  if (minutes >= 60) return `${Math.floor(minutes / 60)}小时${minutes % 60 > 0 ? `${minutes % 60}分钟` : ''}后`
  return `${minutes}分钟后`
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
