import type { PeriodId } from './period.js'

export const FUNDS = ['维修资金', '公共收益'] as const
export type Fund = typeof FUNDS[number]

export const DIRECTIONS = ['收入', '支出'] as const
export type Direction = typeof DIRECTIONS[number]

/** One line of the accounts. Amounts are integer fen, always positive; the direction gives the sign. */
export interface LedgerEntry {
  /** "YYYY-MM-DD" */
  date: string
  fund: Fund
  direction: Direction
  amountFen: number
  item: string
  counterparty: string
  /** 批准文号 or 业主大会决议; required for maintenance-fund expenses (Civil Code art. 278, 281) */
  approval?: string
  note?: string
  /** spreadsheet row the entry came from, for questions back to the treasurer */
  row: number
}

/** What one valid file holds: the entries of one half-year and any opening balances it states. */
export interface LedgerImport {
  period: PeriodId
  entries: LedgerEntry[]
  opening: Partial<Record<Fund, number>>
}
