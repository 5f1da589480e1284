import { FUNDS, type Fund, type LedgerEntry } from './ledger-entry.js'
import { publishedVersion, type LedgerBook, type LedgerVersion, type OpeningSource } from './ledger-book.js'
import { periodFromId, previousPeriod, type Period } from './period.js'

export interface ItemLine {
  item: string
  amountFen: number
  count: number
  /** approval references (maintenance-fund expenses), in order of first appearance */
  approvals: string[]
  /** each movement of the item, in date order: the table shows when and to or from whom */
  entries: Array<Pick<LedgerEntry, 'date' | 'counterparty' | 'amountFen'>>
}

export type { OpeningSource }

export interface FundStatement {
  fund: Fund
  openingFen: number
  openingSource: OpeningSource
  income: ItemLine[]
  expense: ItemLine[]
  totalIncomeFen: number
  totalExpenseFen: number
  closingFen: number
}

export interface Statement {
  period: Period
  versionId: number
  status: LedgerVersion['status']
  publishedAt?: string
  corrects?: number
  correctionNote?: string
  funds: FundStatement[]
}

function byItem (entries: LedgerEntry[]): ItemLine[] {
  const lines = new Map<string, ItemLine>()
  for (const entry of entries) {
    const line = lines.get(entry.item) ?? { item: entry.item, amountFen: 0, count: 0, approvals: [], entries: [] }
    line.amountFen += entry.amountFen
    line.count += 1
    line.entries.push({ date: entry.date, counterparty: entry.counterparty, amountFen: entry.amountFen })
    if (entry.approval !== undefined && !line.approvals.includes(entry.approval)) line.approvals.push(entry.approval)
    lines.set(entry.item, line)
  }
  // largest first so a shortened text still shows what matters most
  for (const line of lines.values()) line.entries.sort((a, b) => a.date.localeCompare(b.date))
  return [...lines.values()].sort((a, b) => b.amountFen - a.amountFen || a.item.localeCompare(b.item, 'zh'))
}

const sum = (lines: Array<{ amountFen: number }>): number => lines.reduce((total, l) => total + l.amountFen, 0)

export function buildFundStatement (
  fund: Fund,
  entries: LedgerEntry[],
  openingFen: number,
  openingSource: OpeningSource
): FundStatement {
  const own = entries.filter(e => e.fund === fund)
  const income = byItem(own.filter(e => e.direction === '收入'))
  const expense = byItem(own.filter(e => e.direction === '支出'))
  const totalIncomeFen = sum(income)
  const totalExpenseFen = sum(expense)
  return {
    fund,
    openingFen,
    openingSource,
    income,
    expense,
    totalIncomeFen,
    totalExpenseFen,
    closingFen: openingFen + totalIncomeFen - totalExpenseFen
  }
}

/** Opening balance of a version's fund: stated in its file, else the previous published period's closing. */
function openingOf (book: LedgerBook, version: LedgerVersion, fund: Fund, depth = 0): { fen: number, source: OpeningSource } {
  const published = version.openingAtPublication?.[fund]
  if (published !== undefined) return published
  const stated = version.opening[fund]
  if (stated !== undefined) return { fen: stated, source: 'stated' }
  const period = periodFromId(version.period)
  const before = period === undefined || depth > 200 ? undefined : publishedVersion(book, previousPeriod(period).id)
  if (before === undefined) return { fen: 0, source: 'none' }
  const opening = openingOf(book, before, fund, depth + 1)
  // a chain that started from an unknown balance stays unknown, however far it is carried
  return {
    fen: buildFundStatement(fund, before.entries, opening.fen, opening.source).closingFen,
    source: opening.source === 'none' ? 'none' : 'carried'
  }
}

/** The statement of one version (draft for the chair's preview, published for owners). */
export function buildStatement (book: LedgerBook, version: LedgerVersion): Statement {
  const period = periodFromId(version.period)
  if (period === undefined) throw new Error(`bad period id ${version.period}`)
  return {
    period,
    versionId: version.id,
    status: version.status,
    ...(version.publishedAt !== undefined && { publishedAt: version.publishedAt }),
    ...(version.corrects !== undefined && { corrects: version.corrects }),
    ...(version.correctionNote !== undefined && { correctionNote: version.correctionNote }),
    funds: FUNDS.map(fund => {
      const opening = openingOf(book, version, fund)
      return buildFundStatement(fund, version.entries, opening.fen, opening.source)
    })
  }
}
