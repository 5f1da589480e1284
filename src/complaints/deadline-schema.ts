import { z } from 'zod'
import { DAY_MS } from '../clock/shanghai-time.js'

// Mounted by the compound loader at `deadlines:`. Every value has a default, so the
// section may be left out. Durations are written as 30m / 2h / 3d / 1wd or in Chinese
// (30分钟, 2小时, 3天, 1个工作日); working days follow the Chinese public-holiday calendar.

export const DURATION = /^(\d+)\s*(m|min|分钟|h|小时|d|天|wd|个?工作日)$/u
const duration = z.string().trim().regex(DURATION, '应写成 30m、2h、3d、1wd（或 30分钟、2小时、3天、1个工作日）')

/** A day or a range of days: 2027-02-05 or 2027-02-05..2027-02-13 (both ends included). */
const DAYS = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|至)\s*(\d{4}-\d{2}-\d{2}))?$/u
const dayList = z.array(z.string().trim().regex(DAYS, '应写成 2027-02-05 或 2027-02-05..2027-02-13')).default([])

export const deadlinesSchema = z.strictObject({
  urgent: z.strictObject({
    acknowledge: duration.default('30m'),
    close: duration.default('2h')
  }).prefault({}),
  normal: z.strictObject({
    acknowledge: duration.default('1wd'),
    close: duration.default('5wd')
  }).prefault({}),
  /** 警示 (warning) at this multiple of the deadline; 提示 (reminder) at the deadline itself */
  warn_factor: z.number().min(1).default(2),
  /** no rating after this many days is recorded as 未评价 */
  rating_wait_days: z.number().int().positive().default(3),
  /** a complaint about the same matter within this many days joins the open ticket */
  duplicate_window_days: z.number().int().positive().default(7),
  /** complaints per person per hour before the polite limit */
  hourly_limit: z.number().int().positive().default(5),
  /** longest ticket text kept, in characters */
  max_text: z.number().int().min(50).default(500),
  /**
   * The official holiday schedule for a year the working-day library does not know yet
   * (published by the State Council each November): days off, and make-up working days.
   */
  holidays: dayList,
  workdays: dayList
}).prefault({})
export type DeadlinesConfig = z.infer<typeof deadlinesSchema>

export type DurationUnit = 'minute' | 'hour' | 'day' | 'workday'
export interface Duration { amount: number, unit: DurationUnit }

const UNITS: Record<string, DurationUnit> = { m: 'minute', min: 'minute', 分钟: 'minute', h: 'hour', 小时: 'hour', d: 'day', 天: 'day', wd: 'workday', 工作日: 'workday', 个工作日: 'workday' }

export function parseDuration (text: string): Duration {
  const m = DURATION.exec(text.trim())
  if (!m) throw new Error(`无法识别的时限：${text}`)
  return { amount: Number(m[1]), unit: UNITS[m[2]!]! }
}

export const defaultDeadlines = (): DeadlinesConfig => deadlinesSchema.parse(undefined)

/** Every day a `holidays` / `workdays` entry names, as "YYYY-MM-DD". */
export function expandDays (entries: readonly string[]): string[] {
  const days: string[] = []
  for (const entry of entries) {
    const m = DAYS.exec(entry.trim())
    if (!m) continue
    const start = Date.parse(`${m[1]!}T00:00:00Z`)
    const end = Date.parse(`${m[2] ?? m[1]!}T00:00:00Z`)
    for (let t = start; t <= end && days.length < 3660; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}
