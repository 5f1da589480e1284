import chineseDays from 'chinese-days'
import { DAY_MS } from '../clock/shanghai-time.js'

// `chinese-days` carries each year's official schedule (holidays and make-up working days)
// only once the State Council has published it, usually in November for the next year. For
// a year it does not know yet, the bot still must not count 元旦 or 春节 as working days, so
// it falls back to the statutory days of 《全国年节及纪念日放假办法》(2024 revision): 元旦 1,
// 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days; a statutory day on a
// Saturday or Sunday is given back on the next working day (第六条). The make-up working
// days the State Council adds are unknowable in advance: the compound may list the official
// schedule in its YAML (deadlines.holidays / deadlines.workdays) once it is published.

const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
const isoOf = (date: Date): string => date.toISOString().slice(0, 10)
const plus = (iso: string, days: number): string => isoOf(new Date(dayOf(iso).getTime() + days * DAY_MS))
const isWeekend = (iso: string): boolean => [0, 6].includes(dayOf(iso).getUTCDay())

const known = new Map<number, boolean>()

/** Whether `chinese-days` has the official schedule of `year` (it names at least one holiday). */
export function libraryKnowsYear (year: number): boolean {
  let k = known.get(year)
  if (k === undefined) {
    k = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    known.set(year, k)
  }
  return k
}

/** Blocks of consecutive statutory days of `year` ("YYYY-MM-DD"). */
function statutoryBlocks (year: number): string[][] {
  const lunar = (md: string): string => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date
  const newYear = lunar('01-01')
  return [
    [`${year}-01-01`],
    [plus(newYear, -1), newYear, plus(newYear, 1), plus(newYear, 2)],
    [chineseDays.getSolarTermDate(year, 4, 'pure_brightness')],
    [`${year}-05-01`, `${year}-05-02`],
    [lunar('05-05')],
    [lunar('08-15')],
    [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]
  ]
}

const statutoryCache = new Map<number, Set<string>>()

/** Statutory days off of `year`, with weekend days given back on the following weekdays. */
export function statutoryHolidays (year: number): Set<string> {
  let days = statutoryCache.get(year)
  if (days) return days
  days = new Set<string>()
  for (const block of statutoryBlocks(year)) for (const d of block) days.add(d)
  for (const block of statutoryBlocks(year)) {
    let owed = block.filter(isWeekend).length
    let cursor = block[block.length - 1]!
    while (owed > 0) {
      cursor = plus(cursor, 1)
      if (isWeekend(cursor) || days.has(cursor)) continue
      days.add(cursor)
      owed--
    }
  }
  statutoryCache.set(year, days)
  return days
}
