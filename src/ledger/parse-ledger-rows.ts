import type { Fund, LedgerEntry, LedgerImport } from './ledger-entry.js'
import { LEDGER_COLUMNS, labelOf, mapHeaders } from './ledger-columns.js'
import { cellText, parseKindCell, type CellValue } from './parse-ledger-cells.js'
import { checkLedgerRow } from './check-ledger-row.js'
import { periodOfDate, previousPeriod, type Period, type PeriodId } from './period.js'

export interface LedgerError {
  /** spreadsheet row number as the treasurer sees it (the header is row 1) */
  row?: number
  /** Chinese column name */
  column?: string
  message: string
}

export type LedgerParseResult =
  | { ok: true, value: LedgerImport, notes: string[] }
  | { ok: false, errors: LedgerError[] }

export interface SheetRow { row: number, values: CellValue[] }

export const MAX_ROWS = 5000

// Treasurers end a sheet with a 合计 row; the bot computes every total itself, so it is skipped.
// A row that says 收入/支出 is a movement whatever its first cell says, and is checked as one.
const TOTALS_ROW = /^(?:本期|本月|本年|全年)?(?:合计|总计|小计|累计)/

function isTotalsRow (values: CellValue[], kindIndex: number | undefined): boolean {
  const first = values.map(cellText).find(t => t !== '')
  const kind = kindIndex === undefined ? undefined : values[kindIndex]
  return first !== undefined && TOTALS_ROW.test(first.replace(/\s+/g, '')) && !parseKindCell(kind).ok
}

/** The half-year most movement rows fall in (the first one on a tie), so one mistyped year is the row reported. */
function majorityPeriod (dates: string[]): Period | undefined {
  const counts = new Map<PeriodId, { period: Period, n: number }>()
  for (const date of dates) {
    const period = periodOfDate(date)
    const seen = counts.get(period.id) ?? { period, n: 0 }
    seen.n += 1
    counts.set(period.id, seen)
  }
  let best: { period: Period, n: number } | undefined
  for (const c of counts.values()) if (best === undefined || c.n > best.n) best = c
  return best?.period
}

/** An opening balance may be dated in the period or on the last day of the one before (期初 = 上期期末). */
function openingDateFits (date: string, period: Period): boolean {
  return periodOfDate(date).id === period.id || date === previousPeriod(period).end
}

/**
 * Every row is checked and every problem reported; the import is all or nothing, so a
 * result with errors carries no entries at all.
 */
export function parseLedgerRows (header: SheetRow, rows: SheetRow[]): LedgerParseResult {
  const columns = mapHeaders(header.values.map(cellText))
  const missing = LEDGER_COLUMNS.filter(c => c.required && !columns.has(c.key))
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map(c => ({ row: header.row, column: c.label, message: '表头缺少这一列' }))
    }
  }
  const nonEmpty = rows.filter(r => r.values.some(v => cellText(v) !== ''))
  const totals = nonEmpty.filter(r => isTotalsRow(r.values, columns.get('direction')))
  const filled = nonEmpty.filter(r => !totals.includes(r))
  if (filled.length === 0) return { ok: false, errors: [{ message: '文件里没有账目行' }] }
  if (filled.length > MAX_ROWS) return { ok: false, errors: [{ message: `账目行太多（超过${MAX_ROWS}行），请分期导入` }] }

  const checked = filled.map(r => checkLedgerRow(columns, r))
  const period = majorityPeriod(checked.flatMap(c => c.kind !== '期初余额' && c.date !== undefined ? [c.date] : [])) ??
    majorityPeriod(checked.flatMap(c => c.date !== undefined ? [c.date] : []))
  if (period === undefined) {
    const errors = checked.flatMap(c => c.errors)
    return { ok: false, errors: errors.length > 0 ? errors : [{ message: '文件里没有有效的日期' }] }
  }

  const entries: LedgerEntry[] = []
  const opening: Partial<Record<Fund, number>> = {}
  const openingRow: Partial<Record<Fund, number>> = {}
  for (const c of checked) {
    const { row, date, fund, kind, amount, item, counterparty, approval, note } = c
    if (date !== undefined) {
      const fits = kind === '期初余额' ? openingDateFits(date, period) : periodOfDate(date).id === period.id
      if (!fits) {
        c.errors.unshift({
          row,
          column: labelOf('date'),
          message: kind === '期初余额'
            ? `期初余额的日期应为${period.start}（或上期期末${previousPeriod(period).end}），也可以不填`
            : `不在${period.label}内（一个文件只能包含同一个半年的账目）`
        })
      }
    }
    if (kind === '期初余额') {
      if (fund !== undefined) {
        const earlier = openingRow[fund]
        if (earlier !== undefined) {
          c.errors.push({ row, column: labelOf('direction'), message: `「${fund}」的期初余额重复（第${earlier}行已填写）` })
        }
        openingRow[fund] = row
        if (amount !== undefined) opening[fund] = amount
      }
      continue
    }
    if (date === undefined || fund === undefined || kind === undefined ||
        amount === undefined || item === undefined || counterparty === undefined) continue
    entries.push({
      date, fund, direction: kind, amountFen: amount, item, counterparty, row,
      ...(approval !== undefined && { approval }),
      ...(note !== undefined && { note })
    })
  }
  const errors = checked.flatMap(c => c.errors)
  if (errors.length > 0) return { ok: false, errors }
  const notes = totals.map(r => `第${r.row}行是合计行，已跳过（合计由本助手按明细计算）`)
  return { ok: true, value: { period: period.id, entries, opening }, notes }
}

/** "第3行「金额」: 应为正数，最多两位小数" */
export function formatLedgerError (error: LedgerError): string {
  const where = [
    error.row !== undefined ? `第${error.row}行` : '',
    error.column !== undefined ? `「${error.column}」` : ''
  ].join('')
  return where === '' ? error.message : `${where}: ${error.message}`
}
