import type { FundStatement, ItemLine, Statement } from './build-statement.js'
import { formatFen } from './money.js'
import { shanghaiDate } from '../clock/shanghai-time.js'

export const STATEMENT_TEXT_LIMIT = 1500

const NUMERALS = ['一', '二', '三', '四']

const OPENING_NOTE: Record<FundStatement['openingSource'], string> = {
  stated: '',
  carried: '（上期期末结转）',
  none: '（未登记，按0计）'
}

export interface RenderOptions {
  compoundName: string
  /** the chair's preview of a draft is labelled so it cannot be mistaken for a disclosure */
  preview?: boolean
  limit?: number
  /** a correction (or a draft that would be one): the version it replaces and what changes, from compareStatements */
  replaces?: { versionId: number, changes: string[] }
}

function changeLines (replaces: RenderOptions['replaces']): string[] {
  if (replaces === undefined) return []
  if (replaces.changes.length === 0) return [`与第${replaces.versionId}版相比，金额没有变化。`]
  return [`与第${replaces.versionId}版相比：`, ...replaces.changes.map(c => `  · ${c}`)]
}

function itemLines (lines: ItemLine[], keep: number): string[] {
  const shown = lines.slice(0, keep).map(l => {
    const approvals = l.approvals.length > 0 ? `（批准：${l.approvals.join('、')}）` : ''
    return `  · ${l.item} ${formatFen(l.amountFen)}${l.count > 1 ? `（${l.count}笔）` : ''}${approvals}`
  })
  const rest = lines.slice(keep)
  if (rest.length > 0) {
    const restFen = rest.reduce((t, l) => t + l.amountFen, 0)
    shown.push(`  · 其余${rest.length}项 ${formatFen(restFen)}（明细见表格图片）`)
  }
  return shown
}

function fundSection (fund: FundStatement, index: number, keep: number): string[] {
  return [
    `${NUMERALS[index] ?? index + 1}、${fund.fund}`,
    `期初余额：${formatFen(fund.openingFen)}${OPENING_NOTE[fund.openingSource]}`,
    `本期收入：${formatFen(fund.totalIncomeFen)}`,
    ...itemLines(fund.income, keep),
    `本期支出：${formatFen(fund.totalExpenseFen)}`,
    ...itemLines(fund.expense, keep),
    `期末余额：${formatFen(fund.closingFen)}`
  ]
}

function render (statement: Statement, options: RenderOptions, keep: number): string {
  const title = `【${options.compoundName} ${statement.period.label} 维修资金和公共收益收支公示】`
  const head = [
    ...(options.preview === true ? ['〔草稿预览，尚未公示〕'] : []),
    title,
    ...(statement.corrects !== undefined
      ? [`〔更正〕本版更正此前公示的第${statement.corrects}版。更正说明：${statement.correctionNote ?? ''}`]
      : []),
    ...changeLines(options.replaces)
  ]
  const sections = statement.funds.map((fund, i) => fundSection(fund, i, keep).join('\n'))
  // the day in Beijing time: confirmed at 07:30 on 5 January is not "2027-01-04" (UTC)
  const published = statement.publishedAt !== undefined ? `，${shanghaiDate(new Date(statement.publishedAt))}确认` : ''
  const foot = [
    '期末余额 = 期初余额 + 本期收入 − 本期支出。',
    options.preview === true
      ? `这是第${statement.versionId}版草稿，业主看不到。核对无误后请发送「/公示 发布」。`
      : `数据经业委会主任确认发布（第${statement.versionId}版${published}）。` +
        '按规定每年一月和七月公布维修资金和公共收益收支情况；如有疑问，可在接待日当面查询或私信业委会。'
  ]
  return [head.join('\n'), ...sections, foot.join('\n')].join('\n\n')
}

/**
 * The statement as a WeChat message in Simplified Chinese. Long item lists are shortened
 * (largest items kept, the rest summed) until the text fits; the totals are never cut.
 */
export function renderStatementText (statement: Statement, options: RenderOptions): string {
  const limit = options.limit ?? STATEMENT_TEXT_LIMIT
  const most = Math.max(0, ...statement.funds.flatMap(f => [f.income.length, f.expense.length]))
  for (let keep = most; keep > 0; keep--) {
    const text = render(statement, options, keep)
    if (text.length <= limit) return text
  }
  return render(statement, options, 0)
}

/** WeChat cuts messages near 500 characters; a statement is sent in parts that end between sections. */
export const MESSAGE_SIZE = 480

/**
 * The statement as several messages, each made of whole sections (heading, one fund, footer),
 * so a fund's lines are never split between two messages.
 */
export function renderStatementMessages (statement: Statement, options: RenderOptions, size = MESSAGE_SIZE): string[] {
  const messages: string[] = []
  for (const section of renderStatementText(statement, options).split('\n\n')) {
    const last = messages.at(-1)
    if (last !== undefined && last.length + 2 + section.length <= size) messages[messages.length - 1] = `${last}\n\n${section}`
    else messages.push(section)
  }
  return messages
}
