import chineseDays from 'chinese-days'
import { DAY_MS, fromShanghai, shanghaiDate, shanghaiParts } from '../clock/shanghai-time.js'
import { libraryKnowsYear, statutoryHolidays } from './statutory-holidays.js'

// Working days from `chinese-days` (public holidays and make-up working days), the
// statutory days for years it does not know yet, and the compound's own corrections.


/** Days the compound YAML declares ("YYYY-MM-DD"), taking precedence over the library. */
export interface CalendarOverrides {
  holidays: readonly string[]
  workdays: readonly string[]
}

export interface WorkdayCalendar {
  isWorkingDay (date: Date): boolean
}

/** Midnight (Shanghai) starting the day of `date`. */
function startOfShanghaiDay (date: Date): Date {
  const p = shanghaiParts(date)
  return fromShanghai(p.year, p.month, p.day)
}

/** A calendar with the compound's corrections; without them, the library and the law. */
export function workdayCalendar (overrides: CalendarOverrides = { holidays: [], workdays: [] }): WorkdayCalendar {
  const holidays = new Set(overrides.holidays)
  const workdays = new Set(overrides.workdays)
  return {
    isWorkingDay (date) {
      const day = shanghaiDate(date)
      if (workdays.has(day)) return true
      if (holidays.has(day)) return false
      const year = Number(day.slice(0, 4))
      if (libraryKnowsYear(year)) return chineseDays.isWorkday(day)
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
      return weekday !== 0 && weekday !== 6 && !statutoryHolidays(year).has(day)
    }
  }
}

const plain = workdayCalendar()

export function isWorkingDay (date: Date, calendar: WorkdayCalendar = plain): boolean {
  return calendar.isWorkingDay(date)
}

/**
 * The moment `days` working days after `from` have passed. From a time of day on a working
 * day: the same time on the `days`-th working day after it. From a weekend or holiday (or
 * from midnight), whole working days are counted from the next one's start and the deadline
 * is the end of the last of them: Saturday + 5 working days ends Friday 24:00, not at the
 * midnight after the following weekend.
 */
export function addWorkingDays (from: Date, days: number, calendar: WorkdayCalendar = plain): Date {
  if (days <= 0) return from
  const midnight = startOfShanghaiDay(from)
  if (!calendar.isWorkingDay(from) || midnight.getTime() === from.getTime()) {
    let day = midnight
    while (!calendar.isWorkingDay(day)) day = new Date(day.getTime() + DAY_MS)
    // `day` is the first whole working day; find the last of `days` of them.
    for (let left = days - 1; left > 0;) {
      day = new Date(day.getTime() + DAY_MS)
      if (calendar.isWorkingDay(day)) left--
    }
    return new Date(day.getTime() + DAY_MS)
  }
  let cursor = from
  for (let left = days; left > 0;) {
    cursor = new Date(cursor.getTime() + DAY_MS)
    if (calendar.isWorkingDay(cursor)) left--
  }
  return cursor
}
