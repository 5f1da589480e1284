import { parse, validate } from 'node-cron'
import { DAY_MS, SHANGHAI_OFFSET_MS, daysInMonth, fromShanghai } from '../clock/shanghai-time.js'

// node-cron validates and expands the pattern; the walk over Shanghai days is ours because
// node-cron only looks forward from the real "now", while the scheduler needs every time
// between two given instants (catching up after a restart). Semantics follow node-cron:
// day of month AND day of week must both match.

type DayToken = number | string

/** Day-of-month 'L' / 'L-n' and weekday 'n#k' / 'nL' are understood; 'W' (nearest weekday) is not. */
const SUPPORTED_DOM = /^L(-\d{1,2})?$/
const SUPPORTED_DOW = /^[0-6](#[1-5]|L)$/

export function cronProblem (pattern: string): string | undefined {
  if (!validate(pattern)) return `「${pattern}」不是有效的 cron 表达式（分 时 日 月 周）`
  const fields = parse(pattern)
  const bad = [
    ...fields.dayOfMonth.filter(t => typeof t === 'string' && !SUPPORTED_DOM.test(t)),
    ...fields.dayOfWeek.filter(t => typeof t === 'string' && !SUPPORTED_DOW.test(t))
  ]
  return bad.length > 0 ? `「${pattern}」中的 ${bad.join(', ')} 暂不支持` : undefined
}

function domMatches (tokens: DayToken[], year: number, month: number, day: number): boolean {
  const last = daysInMonth(year, month)
  return tokens.some(t => {
    if (typeof t === 'number') return t === day
    const back = t.startsWith('L-') ? Number(t.slice(2)) : 0
    return day === last - back
  })
}

function dowMatches (tokens: DayToken[], year: number, month: number, day: number, weekday: number): boolean {
  return tokens.some(t => {
    if (typeof t === 'number') return t === weekday
    if (Number(t[0]) !== weekday) return false
    if (t.endsWith('L')) return day + 7 > daysInMonth(year, month)
    return Math.ceil(day / 7) === Number(t.slice(2))
  })
}

/**
 * Every time the pattern fires in Asia/Shanghai with from < time ≤ to, oldest first.
 * Stops after `limit` times so a pattern like "* * * * * *" over a long range stays cheap.
 */
export function cronTimesBetween (pattern: string, from: Date, to: Date, limit = 10_000): Date[] {
  const fields = parse(pattern)
  const ascending = (values: number[]): number[] => [...values].sort((a, b) => a - b)
  const [hours, minutes, seconds] = [ascending(fields.hour), ascending(fields.minute), ascending(fields.second)]
  const times: Date[] = []
  const firstDay = Math.floor((from.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS)
  const lastDay = Math.floor((to.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS)
  for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
    const local = new Date(dayNumber * DAY_MS)
    const [year, month, day, weekday] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCDay()]
    if (!fields.month.includes(month) || !domMatches(fields.dayOfMonth, year, month, day) ||
        !dowMatches(fields.dayOfWeek, year, month, day, weekday)) continue
    for (const hour of hours) {
      for (const minute of minutes) {
        for (const second of seconds) {
          const at = fromShanghai(year, month, day, hour, minute, second)
          if (at > from && at <= to) times.push(at)
          if (times.length >= limit) return times
        }
      }
    }
  }
  return times
}
