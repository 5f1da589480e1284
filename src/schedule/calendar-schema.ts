import { z } from 'zod'
import { EVENT_DEFAULTS, JOB_SPECS, type JobId } from './calendar-jobs.js'
import { cronProblem } from './cron-times.js'

// Mounted by the compound config at `calendar:`. Every field has a default from the seeds'
// calendar (calendar-jobs.ts), so an empty `calendar:` (or none) gives the full schedule.
// Times are Asia/Shanghai.

const cronSchema = z.string().trim().check(ctx => {
  const problem = cronProblem(ctx.value)
  if (problem !== undefined) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
})

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$/, '时间应写成 09:00 或 09:00-11:30')

function jobFields (id: JobId) {
  return {
    enabled: z.boolean().default(true),
    cron: cronSchema.default(JOB_SPECS[id].cron),
    grace_hours: z.number().positive().max(31 * 24).default(JOB_SPECS[id].graceHours)
  }
}

function eventSchema (id: keyof typeof EVENT_DEFAULTS) {
  const d = EVENT_DEFAULTS[id]
  return z.strictObject({
    /** days between the notice and the meeting it announces */
    after_days: z.number().int().min(0).max(27).default(d.after_days),
    time: clockSchema.default(d.time),
    place: z.string().trim().min(1).default(d.place)
  }).prefault({})
}

export const calendarSchema = z.strictObject({
  fund_statement: z.strictObject(jobFields('fund_statement')).prefault({}),
  work_report_reminder: z.strictObject(jobFields('work_report_reminder')).prefault({}),
  reception_day_notice: z.strictObject({ ...jobFields('reception_day_notice'), event: eventSchema('reception_day_notice') }).prefault({}),
  joint_meeting_notice: z.strictObject({ ...jobFields('joint_meeting_notice'), event: eventSchema('joint_meeting_notice') }).prefault({}),
  committee_meeting_reminder: z.strictObject({ ...jobFields('committee_meeting_reminder'), event: eventSchema('committee_meeting_reminder') }).prefault({}),
  opinion_survey: z.strictObject({
    ...jobFields('opinion_survey'),
    /** how long owners can answer */
    open_days: z.number().int().min(1).max(60).default(14)
  }).prefault({})
}).prefault({})

export type Calendar = z.infer<typeof calendarSchema>
export type CalendarJob = Calendar[JobId]

/** The defaults, for tests and for a compound without a `calendar:` section. */
export function defaultCalendar (): Calendar {
  return calendarSchema.parse(undefined)
}
