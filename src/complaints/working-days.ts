import chineseDays from 'chinese-days'

// Wall-clock arithmetic in Asia/Shanghai (UTC+8 all year: China has no daylight saving),
// with working days from `chinese-days` (public holidays and make-up working days).

const OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/** "YYYY-MM-DD" of the Shanghai calendar day `date` falls on. */
export function shanghaiDay (date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** Midnight (Shanghai) starting the day of `date`. */
export function startOfShanghaiDay (date: Date): Date {
  const shifted = date.getTime() + OFFSET_MS
  return new Date(shifted - (shifted % DAY_MS) - OFFSET_MS)
}

export function isWorkingDay (date: Date): boolean {
  return chineseDays.isWorkday(shanghaiDay(date))
}

/**
 * `days` working days after `from`, at the same time of day. A start on a weekend or
 * holiday counts from the midnight that begins the next working day, so a complaint made
 * on Saturday with one working day is due at the end of Monday.
 */
export function addWorkingDays (from: Date, days: number): Date {
  let cursor = from
  if (!isWorkingDay(cursor)) {
    cursor = startOfShanghaiDay(cursor)
    while (!isWorkingDay(cursor)) cursor = new Date(cursor.getTime() + DAY_MS)
  }
  let left = days
  while (left > 0) {
    cursor = new Date(cursor.getTime() + DAY_MS)
    if (isWorkingDay(cursor)) left--
  }
  return cursor
}
