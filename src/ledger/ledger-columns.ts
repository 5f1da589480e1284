import { toSimplified } from '../text/to-simplified.js'

// The spreadsheet's header row, as data: the Chinese name shown in error messages and the
// names treasurers actually use for it (Traditional headers are converted before matching).

export type ColumnKey = 'date' | 'fund' | 'direction' | 'amount' | 'item' | 'counterparty' | 'approval' | 'note'

export interface ColumnSpec {
  key: ColumnKey
  label: string
  aliases: string[]
  required: boolean
}

export const LEDGER_COLUMNS: ColumnSpec[] = [
  { key: 'date', label: '日期', aliases: ['日期', '发生日期', '记账日期', '交易日期', '收支日期'], required: true },
  { key: 'fund', label: '资金', aliases: ['资金', '资金类别', '资金类型', '资金性质', '账户'], required: true },
  { key: 'direction', label: '收支', aliases: ['收支', '收/支', '收支类型', '收支类别', '收支方向'], required: true },
  { key: 'amount', label: '金额', aliases: ['金额', '金额(元)', '金额/元', '金额(人民币元)'], required: true },
  { key: 'item', label: '项目', aliases: ['项目', '摘要', '事项', '项目名称', '用途'], required: true },
  { key: 'counterparty', label: '对方', aliases: ['对方', '对方单位', '收付款方', '对方户名', '收付款单位', '往来单位'], required: true },
  // only maintenance-fund expenses need it, so a file of public income may leave the column out
  {
    key: 'approval',
    label: '批准文号/业主大会决议',
    aliases: ['批准文号/业主大会决议', '批准文号', '业主大会决议', '批准文号或业主大会决议', '决议'],
    required: false
  },
  { key: 'note', label: '备注', aliases: ['备注', '说明'], required: false }
]

export function labelOf (key: ColumnKey): string {
  return LEDGER_COLUMNS.find(c => c.key === key)?.label ?? key
}

function normaliseHeader (text: string): string {
  return toSimplified(text).replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/／/g, '/')
}

/** Column index of each known header; unknown headers are ignored. */
export function mapHeaders (headers: string[]): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>()
  headers.forEach((header, index) => {
    const name = normaliseHeader(header)
    const spec = LEDGER_COLUMNS.find(c => c.aliases.includes(name))
    if (spec !== undefined && !found.has(spec.key)) found.set(spec.key, index)
  })
  return found
}
