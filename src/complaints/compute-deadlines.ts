import type { DeadlinesConfig, Duration } from './deadline-schema.js'
import { expandDays, parseDuration } from './deadline-schema.js'
import { addWorkingDays, workdayCalendar, type WorkdayCalendar } from './working-days.js'
import { DAY_MS, HOUR_MS } from '../clock/shanghai-time.js'

/** ISO times; the 警示 times are at `warn_factor` times the deadline. */
export interface TicketDeadlines {
  ackBy: string
  ackWarnAt: string
  closeBy: string
  closeWarnAt: string
}

const MS: Record<Exclude<Duration['unit'], 'workday'>, number> = { minute: 60_000, hour: HOUR_MS, day: DAY_MS }

/** `from` plus `times` × the duration, working days on the Chinese calendar. */
export function addDuration (from: Date, duration: Duration, times = 1, calendar?: WorkdayCalendar): Date {
  if (duration.unit === 'workday') return addWorkingDays(from, Math.ceil(duration.amount * times), calendar)
  return new Date(from.getTime() + duration.amount * times * MS[duration.unit])
}

const calendars = new WeakMap<DeadlinesConfig, WorkdayCalendar>()

/** The working-day calendar with the compound's own holiday corrections (built once per config). */
export function calendarOf (config: DeadlinesConfig): WorkdayCalendar {
  let calendar = calendars.get(config)
  if (!calendar) {
    calendar = workdayCalendar({ holidays: expandDays(config.holidays ?? []), workdays: expandDays(config.workdays ?? []) })
    calendars.set(config, calendar)
  }
  return calendar
}

/** Deadlines of a ticket accepted at `from` (creation, transfer or reopening). */
export function computeDeadlines (from: Date, urgent: boolean, config: DeadlinesConfig): TicketDeadlines {
  const rule = urgent ? config.urgent : config.normal
  const ack = parseDuration(rule.acknowledge)
  const close = parseDuration(rule.close)
  const calendar = calendarOf(config)
  return {
    ackBy: addDuration(from, ack, 1, calendar).toISOString(),
    ackWarnAt: addDuration(from, ack, config.warn_factor, calendar).toISOString(),
    closeBy: addDuration(from, close, 1, calendar).toISOString(),
    closeWarnAt: addDuration(from, close, config.warn_factor, calendar).toISOString()
  }
}
