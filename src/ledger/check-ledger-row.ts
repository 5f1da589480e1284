import type { Fund } from './ledger-entry.js'
import { labelOf, type ColumnKey } from './ledger-columns.js'
import {
  cellText, FORMULA, parseAmountCell, parseDateCell, parseFundCell, parseKindCell, parseTextCell,
  type CellResult, type CellValue, type RowKind
} from './parse-ledger-cells.js'
import type { LedgerError, SheetRow } from './parse-ledger-rows.js'

/** One spreadsheet row read cell by cell: the values that parsed and every problem found. */
export interface CheckedRow {
  row: number
  errors: LedgerError[]
  date?: string
  fund?: Fund
  kind?: RowKind
  amount?: number
  item?: string
  counterparty?: string
  approval?: string
  note?: string
}

export function checkLedgerRow (columns: Map<ColumnKey, number>, { row, values }: SheetRow): CheckedRow {
  const errors: LedgerError[] = []
  const raw = (key: ColumnKey): CellValue => {
    const index = columns.get(key)
    return index === undefined ? undefined : values[index]
  }
  const formulas = new Set([...columns.keys()].filter(key => raw(key) === FORMULA))
  for (const key of formulas) errors.push({ row, column: labelOf(key), message: '是公式，请把公式粘贴为数值（复制后「选择性粘贴 → 数值」）再发送' })
  const cell = (key: ColumnKey): CellValue => formulas.has(key) ? undefined : raw(key)
  const take = <T>(key: ColumnKey, result: CellResult<T>): T | undefined => {
    if (formulas.has(key)) return undefined
    if (result.ok) return result.value
    errors.push({ row, column: labelOf(key), message: result.message })
    return undefined
  }
  // the kind is read first: an opening balance needs no date, item or counterparty
  const kindResult = parseKindCell(cell('direction'))
  const isOpening = kindResult.ok && kindResult.value === '期初余额'
  const date = isOpening && cellText(cell('date')) === '' ? undefined : take('date', parseDateCell(cell('date')))
  const fund = take('fund', parseFundCell(cell('fund')))
  const kind = take('direction', kindResult)
  const amount = take('amount', parseAmountCell(cell('amount'), isOpening))
  const item = take('item', parseTextCell(cell('item'), 50, !isOpening))
  const counterparty = take('counterparty', parseTextCell(cell('counterparty'), 50, !isOpening))
  const approval = take('approval', parseTextCell(cell('approval'), 80, false))
  const note = take('note', parseTextCell(cell('note'), 100, false))
  if (fund === '维修资金' && kind === '支出' && approval === undefined && !formulas.has('approval')) {
    errors.push({ row, column: labelOf('approval'), message: '维修资金支出必须填写批准文号或业主大会决议' })
  }
  return {
    row, errors,
    ...(date !== undefined && { date }),
    ...(fund !== undefined && { fund }),
    ...(kind !== undefined && { kind }),
    ...(amount !== undefined && { amount }),
    ...(item !== undefined && { item }),
    ...(counterparty !== undefined && { counterparty }),
    ...(approval !== undefined && { approval }),
    ...(note !== undefined && { note })
  }
}
