import type { Calendar } from './calendar-schema.js'
import { JOB_IDS, type JobId } from './calendar-jobs.js'
import { cronTimesBetween } from './cron-times.js'

export interface Occurrence {
  job: JobId
  at: Date
}

/**
 * Every scheduled occurrence of the enabled jobs with from < at ≤ to, oldest first (jobs in
 * calendar order at the same instant). Pure: the caller passes both instants.
 */
export function occurrencesBetween (calendar: Calendar, from: Date, to: Date): Occurrence[] {
  if (to <= from) return []
  return JOB_IDS
    .filter(job => calendar[job].enabled)
    .flatMap(job => cronTimesBetween(calendar[job].cron, from, to).map(at => ({ job, at })))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || JOB_IDS.indexOf(a.job) - JOB_IDS.indexOf(b.job))
}
