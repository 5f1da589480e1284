import type { FundStatement, ItemLine, Statement } from './build-statement.js'
import { formatFen } from './money.js'

// What a correction changes, in words: the chair checks it before publishing and owners read
// it in the 更正 notice, so nobody has to compare two long statements line by line.

const MAX_LINES = 8

function change (label: string, before: number, after: number): string[] {
  return before === after ? [] : [`${label}：${formatFen(before)} → ${formatFen(after)}`]
}

function itemChanges (fund: string, kind: string, before: ItemLine[], after: ItemLine[]): string[] {
  const items = [...new Set([...before, ...after].map(l => l.item))]
  return items.flatMap(item => {
    const was = before.find(l => l.item === item)
    const now = after.find(l => l.item === item)
    if (was === undefined) return [`${fund}${kind}「${item}」：新增 ${formatFen(now?.amountFen ?? 0)}`]
    if (now === undefined) return [`${fund}${kind}「${item}」：删除（原为 ${formatFen(was.amountFen)}）`]
    return change(`${fund}${kind}「${item}」`, was.amountFen, now.amountFen)
  })
}

function fundChanges (before: FundStatement, after: FundStatement): string[] {
  const f = after.fund
  return [
    ...change(`${f}期初余额`, before.openingFen, after.openingFen),
    ...itemChanges(f, '收入', before.income, after.income),
    ...itemChanges(f, '支出', before.expense, after.expense),
    ...change(`${f}期末余额`, before.closingFen, after.closingFen)
  ]
}

/**
 * The differences between the statement owners saw and its correction, one line each, at most
 * eight (the rest counted). Empty when no figure changed (a date, counterparty or note was fixed).
 */
export function compareStatements (before: Statement, after: Statement): string[] {
  const lines = after.funds.flatMap(fund => {
    const old = before.funds.find(f => f.fund === fund.fund)
    return old === undefined ? [] : fundChanges(old, fund)
  })
  if (lines.length <= MAX_LINES) return lines
  return [...lines.slice(0, MAX_LINES - 1), `……另有${lines.length - MAX_LINES + 1}处变化`]
}
