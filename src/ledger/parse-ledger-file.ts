import { parse as parseCsv } from 'csv-parse/sync'
import { cellText } from './parse-ledger-cells.js'
import { readXlsxSheets, SHEET_LIMITS } from './read-xlsx-sheets.js'
import { MAX_ROWS, parseLedgerRows, type LedgerParseResult, type SheetRow } from './parse-ledger-rows.js'
import { mapHeaders } from './ledger-columns.js'

export const MAX_FILE_BYTES = 5 * 1024 * 1024

const fail = (message: string): LedgerParseResult => ({ ok: false, errors: [{ message }] })

/**
 * A treasurer's spreadsheet (.xlsx or .csv, UTF-8 or GBK as Excel saves it in China) →
 * the entries of one half-year, or every problem found. Nothing partial is ever returned.
 */
export async function parseLedgerFile (name: string, data: Buffer): Promise<LedgerParseResult> {
  if (data.length > MAX_FILE_BYTES) return fail('文件太大（超过5MB），请只保留账目表')
  const lower = name.toLowerCase()
  const isZip = data.subarray(0, 2).toString('latin1') === 'PK'
  if (lower.endsWith('.xlsx') || (isZip && !lower.endsWith('.csv'))) return await parseXlsx(data)
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseCsvText(decodeText(data))
  if (lower.endsWith('.xls')) return fail('暂不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再发送')
  return fail('只能导入 .xlsx 或 .csv 文件')
}

async function parseXlsx (data: Buffer): Promise<LedgerParseResult> {
  const read = await readXlsxSheets(data)
  if (!read.ok) return fail(read.message)
  const withData = read.sheets.filter(s => s.rows.length > 0)
  // A hidden sheet is what owners would never see in the file: a ledger hidden behind a
  // harmless visible one is refused, never imported.
  const hidden = withData.filter(s => s.hidden)
  if (hidden.length > 0) {
    return fail(`工作表「${hidden.map(s => s.name).join('」「')}」是隐藏的，里面有数据。请删除隐藏的工作表（或取消隐藏并确认内容）后再发送`)
  }
  if (withData.length === 0) return fail('文件里没有账目行')
  // a workbook often opens on a 说明 or 汇总 sheet: the accounts are the first sheet with the header
  const rows = withData.map(s => s.rows)
  return fromRows(rows.find(r => headerIndex(r) >= 0) ?? rows[0] ?? [])
}

function decodeText (data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '')
  } catch {
    // Excel in China saves "CSV" as GB18030/GBK
    return new TextDecoder('gb18030').decode(data)
  }
}

function parseCsvText (text: string): LedgerParseResult {
  let records: string[][]
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][]
  } catch {
    return fail('无法读取这个 .csv 文件，请检查引号和逗号是否成对')
  }
  if (records.length > MAX_ROWS + 100) return fail(`账目行太多（超过${MAX_ROWS}行），请分期导入`)
  return fromRows(records.map((values, index) => ({ row: index + 1, values: values.slice(0, SHEET_LIMITS.maxColumns) })))
}

/** The header is the first of the top rows that names at least three known columns (a title row may sit above it). */
const headerIndex = (rows: SheetRow[]): number => rows.slice(0, 5).findIndex(r => mapHeaders(r.values.map(cellText)).size >= 3)

function fromRows (rows: SheetRow[]): LedgerParseResult {
  const headerAt = headerIndex(rows)
  const header = rows[headerAt]
  if (header === undefined) {
    return fail('找不到表头：第一行应为 日期、资金、收支、金额、项目、对方、批准文号/业主大会决议')
  }
  return parseLedgerRows(header, rows.slice(headerAt + 1))
}
