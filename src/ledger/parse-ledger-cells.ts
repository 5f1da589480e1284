import { toSimplified } from '../text/to-simplified.js'
import type { Direction, Fund } from './ledger-entry.js'
import { parseYuan } from './money.js'

/** A cell whose value is a formula: refused, since its cached result is not to be trusted. */
export const FORMULA: unique symbol = Symbol('formula')

/** What a spreadsheet cell can hold once read (exceljs gives Date for date cells). */
export type CellValue = string | number | Date | typeof FORMULA | undefined

/** The largest amount one row may hold, ¥100,000,000.00: with 5,000 rows every sum stays an exact integer of fen. */
export const MAX_AMOUNT_FEN = 10_000_000_000

export type CellResult<T> = { ok: true, value: T } | { ok: false, message: string }

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value })
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message })

export function cellText (value: CellValue): string {
  if (value === undefined || value === FORMULA) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return toSimplified(String(value))
}

const FUND_NAMES: Record<string, Fund> = {
  维修资金: '维修资金',
  专项维修资金: '维修资金',
  住宅专项维修资金: '维修资金',
  公共收益: '公共收益'
}

/** 期初余额 rows state the opening balance of a fund instead of a movement. */
export type RowKind = Direction | '期初余额'

const KIND_NAMES: Record<string, RowKind> = {
  收入: '收入',
  收: '收入',
  支出: '支出',
  支: '支出',
  期初余额: '期初余额',
  期初: '期初余额'
}

// "2026-07-15", "2026/7/15", "2026.7.15", "2026年7月15日", optionally followed by a time of day
const DATE_TEXT = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/
// "20260715", as bank statements write dates
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/
// Excel serial day numbers of 2000-01-01 … 2099-12-31: a date cell formatted 常规, or one whose
// built-in Chinese date format (yyyy年m月d日, ids 27–36, 50–58) the xlsx reader does not know
const SERIAL = { first: 36526, last: 73050 }
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

function calendarDate (year: number, month: number, day: number): CellResult<string> {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('不是有效的日期')
  }
  return ok(date.toISOString().slice(0, 10))
}

function serialDate (serial: number): CellResult<string> | undefined {
  if (!Number.isFinite(serial) || serial < SERIAL.first || serial >= SERIAL.last + 1) return undefined
  return ok(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10))
}

export function parseDateCell (value: CellValue): CellResult<string> {
  const message = '应为日期，例如 2026-07-15'
  if (value instanceof Date) {
    // exceljs reads date cells as midnight UTC of the calendar date the sheet shows
    return Number.isNaN(value.getTime()) ? fail(message) : ok(value.toISOString().slice(0, 10))
  }
  if (typeof value === 'number') return serialDate(value) ?? (COMPACT_DATE.test(String(value)) ? fromText(String(value)) : fail(message))
  return fromText(cellText(value))
}

function fromText (text: string): CellResult<string> {
  const message = '应为日期，例如 2026-07-15'
  const match = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text)
  if (match !== null) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
  // a CSV saved from a sheet whose date column was formatted 常规 holds the serial number as text
  if (/^\d{5}$/.test(text)) return serialDate(Number(text)) ?? fail(message)
  return fail(message)
}

export function parseFundCell (value: CellValue): CellResult<Fund> {
  const fund = FUND_NAMES[cellText(value).replace(/\s+/g, '')]
  return fund === undefined ? fail('应为「维修资金」或「公共收益」') : ok(fund)
}

export function parseKindCell (value: CellValue): CellResult<RowKind> {
  const kind = KIND_NAMES[cellText(value).replace(/\s+/g, '')]
  return kind === undefined ? fail('应为「收入」「支出」或「期初余额」') : ok(kind)
}

/** Movements are positive (the direction gives the sign); an opening balance may be zero. */
export function parseAmountCell (value: CellValue, allowZero = false): CellResult<number> {
  if (allowZero && /^[¥￥]?\s*0+(\.0{1,2})?\s*元?$/.test(cellText(value).trim())) return ok(0)
  const fen = value instanceof Date || value === undefined || value === FORMULA ? undefined : parseYuan(value)
  if (fen !== undefined && fen > MAX_AMOUNT_FEN) return fail('超过单笔上限 ¥100,000,000.00，请核对金额')
  if (fen !== undefined) return ok(fen)
  // a signed amount ("-2,350.00"): the direction column already says which way the money went
  const negative = typeof value === 'number' ? value < 0 : /^[-−(（]/.test(cellText(value))
  if (negative && !allowZero) return fail('应为正数，最多两位小数（支出也写正数，收入、支出由「收支」列区分）')
  return fail(allowZero ? '应为不小于0的数，最多两位小数' : '应为正数，最多两位小数')
}

// Text that a spreadsheet program would run as a formula when the statement is opened again
// (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`): never stored, never published.
const FORMULA_START = /^[=+\-@＝＋－＠]/

export function parseTextCell (value: CellValue, max: number, required: boolean): CellResult<string | undefined> {
  const text = cellText(value).replace(/\s+/g, ' ').trim()
  // a lone dash is how many sheets say "none"
  if (text === '' || (!required && /^[-－—]+$/.test(text))) return required ? fail('不能为空') : ok(undefined)
  if (FORMULA_START.test(text)) return fail('不能以 = + - @ 开头（会被表格软件当作公式），请删掉开头的符号')
  if ([...text].length > max) return fail(`不能超过${max}个字`)
  return ok(text)
}
