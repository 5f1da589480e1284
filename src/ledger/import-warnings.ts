import type { Statement } from './build-statement.js'
import type { LedgerImport } from './ledger-entry.js'
import { formatFen } from './money.js'
import { periodFromId } from './period.js'

/**
 * Things in a valid file the chair should look at before confirming it: entries dated after
 * today (usually a mistyped year or month), and a half-year that has not ended yet (what is
 * published now is a part; the full accounts later become a correction).
 */
export function importWarnings (imported: Pick<LedgerImport, 'period' | 'entries'>, today: string): string[] {
  const warnings: string[] = []
  const future = imported.entries.filter(e => e.date > today)
  if (future.length > 0) {
    const rows = future.slice(0, 5).map(e => e.row).join('、')
    warnings.push(`有${future.length}笔日期晚于今天（第${rows}${future.length > 5 ? '等' : ''}行），请核对日期是否写错。`)
  }
  const period = periodFromId(imported.period)
  if (period !== undefined && period.end >= today) {
    warnings.push(`${period.label}到${period.end}才结束：现在发布的是目前的账目，期末再导入完整账目时要作为更正发布。`)
  }
  return warnings
}

/** Figures in a draft statement that usually mean a row is missing: no opening balance, or a balance below zero. */
export function statementWarnings (statement: Statement): string[] {
  return statement.funds.flatMap(f => [
    ...(f.openingSource === 'none' && (f.income.length > 0 || f.expense.length > 0)
      ? [`${f.fund}没有期初余额（文件里没有「期初余额」行，也没有上一期已发布的账目），暂按0计。`]
      : []),
    ...(f.closingFen < 0 ? [`${f.fund}期末余额为负数（${formatFen(f.closingFen)}），请核对是否漏填了期初余额或收入。`] : [])
  ])
}
