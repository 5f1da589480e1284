import { formatLedgerError, type LedgerError } from './parse-ledger-rows.js'

const SHOWN = 20

/** The reply to a treasurer whose file has mistakes: every problem (up to 20), and that nothing was stored. */
export function renderLedgerErrors (fileName: string, errors: LedgerError[]): string {
  const lines = errors.slice(0, SHOWN).map(formatLedgerError)
  const more = errors.length > SHOWN ? [`……另有${errors.length - SHOWN}处问题`] : []
  return [
    `「${fileName}」有${errors.length}处问题，整个文件都没有导入：`,
    ...lines,
    ...more,
    '请改正后重新发送整个文件。表头应为：日期、资金、收支、金额、项目、对方、批准文号/业主大会决议（金额写成 1234.50 或 1,234.50）。'
  ].join('\n')
}
