// Asia/Shanghai is UTC+8 all year (China has had no daylight saving since 1991), so local
// wall-clock time is plain arithmetic on the UTC instant. Nothing here reads the system clock.

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

export interface WallTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday … 6 = Saturday, as in cron */
  weekday: number
}

export function shanghaiParts (instant: Date): WallTime {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay()
  }
}

/** The instant of a Shanghai wall-clock time (month 1–12; out-of-range days roll over like Date.UTC). */
export function fromShanghai (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS)
}

const pad = (n: number): string => n.toString().padStart(2, '0')

/** "2027-01-05" */
export function shanghaiDate (instant: Date): string {
  const p = shanghaiParts(instant)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** "09:00" */
export function shanghaiClock (instant: Date): string {
  const p = shanghaiParts(instant)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "2027年1月5日（周二）09:00" — how the bot writes a time to people. */
export function formatChineseDateTime (instant: Date, withYear = true): string {
  const p = shanghaiParts(instant)
  const year = withYear ? `${p.year}年` : ''
  return `${year}${p.month}月${p.day}日（周${WEEKDAYS[p.weekday] ?? ''}）${shanghaiClock(instant)}`
}

/** Whole calendar days from one Shanghai date to another (Jan 5 → Jan 20 is 15). */
export function calendarDaysBetween (from: Date, to: Date): number {
  const day = (d: Date): number => Math.floor((d.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS)
  return day(to) - day(from)
}

/** Number of days in a month (month 1–12). */
export function daysInMonth (year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parse `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm`, or a date alone) as Shanghai wall time; undefined for 2026-02-30. */
export function parseShanghai (text: string): Date | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number]
  if (hour > 23 || minute > 59) return undefined
  const date = fromShanghai(year, month, day, hour, minute)
  const p = shanghaiParts(date)
  return p.year === year && p.month === month && p.day === day ? date : undefined
}

/** `YYYY-MM-DD HH:mm` in Shanghai: for logs, lists and file names. */
export function formatShanghai (instant: Date): string {
  return `${shanghaiDate(instant)} ${shanghaiClock(instant)}`
}

/** 日 一 二 … 六, indexed by WallTime.weekday. */
export const WEEKDAY_NAMES = WEEKDAYS
