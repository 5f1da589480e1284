import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { BROKEN, checkZip } from './check-zip.js'
import { reorderXlsx } from './reorder-xlsx.js'
import { FORMULA, type CellValue } from './parse-ledger-cells.js'
import type { SheetRow } from './parse-ledger-rows.js'

// The streaming reader reads rows as they come, so the cost is linear in the rows and a
// stray cell in column XFD costs one cell, not 16,384 per row (the in-memory reader's
// `columnCount` made parsing quadratic). Limits stop reading early; nothing reads the whole
// file first except the zip check, which is itself bounded.

export const SHEET_LIMITS = {
  /** rows read per sheet before giving up (a half-year ledger has hundreds) */
  maxRows: 5_100,
  /** columns looked at: a ledger has eight; a header further right is not a ledger */
  maxColumns: 40
}

export interface Sheet { name: string, hidden: boolean, rows: SheetRow[] }
export type SheetsResult = { ok: true, sheets: Sheet[] } | { ok: false, message: string }

export async function readXlsxSheets (data: Buffer): Promise<SheetsResult> {
  const zip = checkZip(data)
  if (!zip.ok) return zip
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(inChunks(reorderXlsx(zip.entries))), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore'
  })
  const sheets: Sheet[] = []
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name: string, state?: string } & AsyncIterable<ExcelJS.Row>
      const rows: SheetRow[] = []
      for await (const row of ws) {
        if (rows.length >= SHEET_LIMITS.maxRows) {
          return { ok: false, message: `工作表「${ws.name}」超过 ${SHEET_LIMITS.maxRows - 100} 行，请分期导入，或删除多余的行后再发送` }
        }
        const values: CellValue[] = []
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= SHEET_LIMITS.maxColumns) values[col - 1] = toCellValue(cell.value)
        })
        if (values.length > 0) rows.push({ row: row.number, values: Array.from(values) })
      }
      sheets.push({ name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows })
    }
  } catch {
    return { ok: false, message: BROKEN }
  }
  return { ok: true, sheets }
}

/** In small pieces, so the reader parses a sheet a little at a time and stops at the row limit without building every row first. */
function * inChunks (data: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

/** exceljs cells can be rich text, formulas, hyperlinks...: keep what the sheet displays; formulas stay marked. */
function toCellValue (value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value
  if (typeof value === 'boolean') return String(value)
  // A formula's cached result is whatever the file says it is (`=25+25` can carry 5000):
  // never trusted, the treasurer is asked to paste values instead.
  if ('formula' in value || 'sharedFormula' in value) return FORMULA
  if ('richText' in value) return value.richText.map(part => part.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('error' in value) return String(value.error)
  return undefined
}
