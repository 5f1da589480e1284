// Statements cover half-years (the seeds: published every January and July). A period id
// is "2026H2"; dates are calendar dates in Asia/Shanghai written as "2026-07-01".

export type PeriodId = `${number}H${1 | 2}`

export interface Period {
  id: PeriodId
  year: number
  half: 1 | 2
  /** first day, "YYYY-MM-DD" */
  start: string
  /** last day, "YYYY-MM-DD" */
  end: string
  /** "2026年下半年" */
  label: string
}

const PERIOD_ID = /^(\d{4})H([12])$/

export function periodFromId (id: string): Period | undefined {
  const match = PERIOD_ID.exec(id)
  if (match === null) return undefined
  return makePeriod(Number(match[1]), match[2] === '1' ? 1 : 2)
}

function makePeriod (year: number, half: 1 | 2): Period {
  return {
    id: `${year}H${half}`,
    year,
    half,
    start: half === 1 ? `${year}-01-01` : `${year}-07-01`,
    end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
    label: `${year}年${half === 1 ? '上' : '下'}半年`
  }
}

/** The half-year a "YYYY-MM-DD" date falls in. */
export function periodOfDate (date: string): Period {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return makePeriod(year, month <= 6 ? 1 : 2)
}

/** The period before this one (2027H1 → 2026H2). */
export function previousPeriod (period: Period): Period {
  return period.half === 2 ? makePeriod(period.year, 1) : makePeriod(period.year - 1, 2)
}

/** The last complete half-year before a Shanghai date: in January 2027 that is 2026H2. */
export function lastCompletePeriod (shanghaiDate: string): Period {
  return previousPeriod(periodOfDate(shanghaiDate))
}

/** "2026年下半年", "2026年上半年", "2026下半年", "2026H2" → period. */
export function parsePeriod (text: string): Period | undefined {
  const id = periodFromId(text.trim().toUpperCase())
  if (id !== undefined) return id
  const match = /^(\d{4})年?([上下])半年$/.exec(text.trim())
  if (match === null) return undefined
  return makePeriod(Number(match[1]), match[2] === '上' ? 1 : 2)
}
