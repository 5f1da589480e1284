import { calendarDaysBetween, fromShanghai, shanghaiParts } from '../clock/shanghai-time.js'

// Dates and times as committee members type them, read as Asia/Shanghai wall-clock time.

const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/
const CLOCK = /^(\d{1,2})\s*[:：点]\s*(\d{2}|半)?\s*分?$/

export interface DateParts { year: number, month: number, day: number }

function realDate (year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 }

/** Whether the text is written like a date, even an impossible one ("2026-11-31"). */
export function looksLikeDate (text: string): boolean {
  return FULL_DATE.test(text.trim()) || MONTH_DAY.test(text.trim())
}

/** "2027-01-20", "2027/1/20", "2027年1月20日", "1月20日" (this year, or next year if already past), "明天". */
export function parseMeetingDate (text: string, now: Date): DateParts | undefined {
  const offset = RELATIVE_DAYS[text.trim()]
  if (offset !== undefined) {
    const today = shanghaiParts(now)
    const day = shanghaiParts(fromShanghai(today.year, today.month, today.day + offset, 12))
    return { year: day.year, month: day.month, day: day.day }
  }
  const full = FULL_DATE.exec(text.trim())
  if (full !== null) {
    const [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])]
    return realDate(year, month, day) ? { year, month, day } : undefined
  }
  const short = MONTH_DAY.exec(text.trim())
  if (short === null) return undefined
  const [month, day] = [Number(short[1]), Number(short[2])]
  const today = shanghaiParts(now)
  let year = today.year
  if (calendarDaysBetween(now, fromShanghai(year, month, day)) < 0) year += 1
  return realDate(year, month, day) ? { year, month, day } : undefined
}

/** "19:30", "9:00", "19点", "19点半" → [hour, minute]. */
export function parseMeetingClock (text: string): [number, number] | undefined {
  const match = CLOCK.exec(text.trim())
  if (match === null) return undefined
  const hour = Number(match[1])
  const minute = match[2] === undefined ? 0 : match[2] === '半' ? 30 : Number(match[2])
  if (hour > 23 || minute > 59) return undefined
  return [hour, minute]
}

export function meetingInstant (date: DateParts, clock: [number, number]): Date {
  return fromShanghai(date.year, date.month, date.day, clock[0], clock[1])
}
