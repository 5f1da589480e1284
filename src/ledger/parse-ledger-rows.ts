import type { Fund, LedgerEntry, LedgerImport } from './ledger-entry.js'
import { LEDGER_COLUMNS, labelOf, mapHeaders, type ColumnKey } from './ledger-columns.js'
import {
  cellText, parseAmountCell, parseDateCell, parseFundCell, parseKindCell, parseTextCell,
  type CellResult, type CellValue
} from './parse-ledger-cells.js'
import { periodOfDate, type Period } from './period.js'

export interface LedgerError {
  /** spreadsheet row number as the treasurer sees it (the header is row 1) */
  row?: number
  /** Chinese column name */
  column?: string
  message: string
}

export type LedgerParseResult = { ok: true, value: LedgerImport } | { ok: false, errors: LedgerError[] }

export interface SheetRow { row: number, values: CellValue[] }

export const MAX_ROWS = 5000

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
  const filled = rows.filter(r => r.values.some(v => cellText(v) !== ''))
  if (filled.length === 0) return { ok: false, errors: [{ message: '文件里没有账目行' }] }
  if (filled.length > MAX_ROWS) return { ok: false, errors: [{ message: `账目行太多（超过${MAX_ROWS}行），请分期导入` }] }

  const errors: LedgerError[] = []
  const entries: LedgerEntry[] = []
  const opening: Partial<Record<Fund, number>> = {}
  const openingRow: Partial<Record<Fund, number>> = {}
  let period: Period | undefined

  for (const { row, values } of filled) {
    const cell = (key: ColumnKey): CellValue => {
      const index = columns.get(key)
      return index === undefined ? undefined : values[index]
    }
    const take = <T>(key: ColumnKey, result: CellResult<T>): T | undefined => {
      if (result.ok) return result.value
      errors.push({ row, column: labelOf(key), message: result.message })
      return undefined
    }
    const date = take('date', parseDateCell(cell('date')))
    const fund = take('fund', parseFundCell(cell('fund')))
    const kind = take('direction', parseKindCell(cell('direction')))
    const isOpening = kind === '期初余额'
    const amount = take('amount', parseAmountCell(cell('amount'), isOpening))
    const item = take('item', parseTextCell(cell('item'), 50, !isOpening))
    const counterparty = take('counterparty', parseTextCell(cell('counterparty'), 50, !isOpening))
    const approval = take('approval', parseTextCell(cell('approval'), 80, false))
    const note = take('note', parseTextCell(cell('note'), 100, false))

    if (date !== undefined) {
      period ??= periodOfDate(date)
      if (periodOfDate(date).id !== period.id) {
        errors.push({ row, column: labelOf('date'), message: `不在${period.label}内（一个文件只能包含同一个半年的账目）` })
      }
    }
    if (fund === '维修资金' && kind === '支出' && approval === undefined) {
      errors.push({ row, column: labelOf('approval'), message: '维修资金支出必须填写批准文号或业主大会决议' })
    }
    if (isOpening && fund !== undefined) {
      const earlier = openingRow[fund]
      if (earlier !== undefined) {
        errors.push({ row, column: labelOf('direction'), message: `「${fund}」的期初余额重复（第${earlier}行已填写）` })
      }
      openingRow[fund] = row
      if (amount !== undefined) opening[fund] = amount
      continue
    }
    if (date === undefined || fund === undefined || kind === undefined || kind === '期初余额' ||
        amount === undefined || item === undefined || counterparty === undefined) continue
    entries.push({
      date, fund, direction: kind, amountFen: amount, item, counterparty, row,
      ...(approval !== undefined && { approval }),
      ...(note !== undefined && { note })
    })
  }
  if (errors.length > 0 || period === undefined) {
    return { ok: false, errors: errors.length > 0 ? errors : [{ message: '文件里没有有效的日期' }] }
  }
  return { ok: true, value: { period: period.id, entries, opening } }
}

/** "第3行「金额」: 应为正数，最多两位小数" */
export function formatLedgerError (error: LedgerError): string {
  const where = [
    error.row !== undefined ? `第${error.row}行` : '',
    error.column !== undefined ? `「${error.column}」` : ''
  ].join('')
  return where === '' ? error.message : `${where}: ${error.message}`
}
