// Report periods for /统计, on the Asia/Shanghai calendar: 本月, 上月, 本季度, 上季度,
// 今年, 2026Q4, 2026年第四季度, 2026-10, 2026年10月, 2026.

import { fromShanghai, shanghaiParts } from '../clock/shanghai-time.js'

export interface StatsPeriod {
  label: string
  /** inclusive */
  start: Date
  /** exclusive */
  end: Date
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

/** Midnight Shanghai on the first of `month` (0-based, may overflow into the next year). */
const monthStart = (year: number, month: number): Date => fromShanghai(year, month + 1, 1)

function months (year: number, first: number, count: number, label: string): StatsPeriod {
  return { label, start: monthStart(year, first), end: monthStart(year, first + count) }
}

const quarter = (year: number, q: number): StatsPeriod => months(year, (q - 1) * 3, 3, `${year}年第${'一二三四'[q - 1]}季度`)
const month = (year: number, m: number): StatsPeriod => {
  const start = shanghaiParts(monthStart(year, m))
  return months(year, m, 1, `${start.year}年${start.month}月`)
}

/** The period a text names, relative to `now`; undefined when the text is not a period. */
export function parsePeriod (text: string, now: Date): StatsPeriod | undefined {
  const t = text.trim().toUpperCase().replace(/\s+/g, '')
  const local = shanghaiParts(now)
  const year = local.year
  const m = local.month - 1
  const q = Math.floor(m / 3) + 1
  // Nothing named: the quarter, the period seed 003's reports use.
  if (t === '' || t === '本季度' || t === '这个季度') return quarter(year, q)
  if (t === '本月' || t === '这个月') return month(year, m)
  if (t === '上月' || t === '上个月') return month(year, m - 1)
  if (t === '上季度' || t === '上个季度') return q === 1 ? quarter(year - 1, 4) : quarter(year, q - 1)
  if (t === '今年' || t === '本年' || t === '本年度') return months(year, 0, 12, `${year}年`)
  let match = /^(\d{4})(?:Q|-Q|年第?)([1-4一二三四])(?:季度)?$/.exec(t)
  if (match) return quarter(Number(match[1]), QUARTER_WORDS[match[2]!]!)
  match = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(t)
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return month(Number(match[1]), Number(match[2]) - 1)
  match = /^(\d{4})年?$/.exec(t)
  if (match) return months(Number(match[1]), 0, 12, `${match[1]}年`)
  return undefined
}
