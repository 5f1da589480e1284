import { describe, expect, it } from 'vitest'
import { addDraft, emptyBook } from '../../src/ledger/ledger-book.js'
import { buildStatement } from '../../src/ledger/build-statement.js'
import { importWarnings, statementWarnings } from '../../src/ledger/import-warnings.js'
import { renderStatementMessages, renderStatementText } from '../../src/ledger/render-statement-text.js'
import { entry, imported } from './ledger-helpers.js'

const meta = { source: 'x', by: 't', at: new Date(0) }

describe('what the chair is asked to check in a valid file', () => {
  it('names entries dated after today by row, and a half-year not yet ended', () => {
    const file = imported([
      entry('公共收益', '收入', 100, '场地费', { date: '2026-10-01', row: 2 }),
      entry('公共收益', '收入', 100, '场地费', { date: '2026-12-01', row: 3 })
    ])
    expect(importWarnings(file, '2026-11-22')).toEqual([
      '有1笔日期晚于今天（第3行），请核对日期是否写错。',
      '2026年下半年到2026-12-31才结束：现在发布的是目前的账目，期末再导入完整账目时要作为更正发布。'
    ])
    expect(importWarnings(file, '2027-01-02')).toEqual([])
  })

  it('flags a fund with no opening balance and a negative closing balance', () => {
    const { book, version } = addDraft(emptyBook(), imported([entry('维修资金', '支出', 5680000, '电梯')], { 公共收益: 100 }), meta)
    expect(statementWarnings(buildStatement(book, version))).toEqual([
      '维修资金没有期初余额（文件里没有「期初余额」行，也没有上一期已发布的账目），暂按0计。',
      '维修资金期末余额为负数（-¥56,800.00），请核对是否漏填了期初余额或收入。'
    ])
  })
})

describe('renderStatementMessages', () => {
  it('sends whole sections, each message under the WeChat size, and loses nothing', () => {
    const entries = Array.from({ length: 24 }, (_, i) => entry(i % 2 === 0 ? '维修资金' : '公共收益', '收入', 1000 + i, `项目${i}号场地及设施收入`))
    const { book, version } = addDraft(emptyBook(), imported(entries, { 维修资金: 1, 公共收益: 2 }), meta)
    const statement = buildStatement(book, version)
    const messages = renderStatementMessages(statement, { compoundName: '阳光花园' })
    expect(messages.length).toBeGreaterThan(1)
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(480)
    expect(messages.join('\n\n')).toBe(renderStatementText(statement, { compoundName: '阳光花园' }))
    expect(messages.find(m => m.includes('二、公共收益'))?.startsWith('二、公共收益')).toBe(true)
  })
})

describe('the published statement footer', () => {
  it('dates the confirmation in Beijing time', () => {
    const draft = addDraft(emptyBook(), imported([entry('公共收益', '收入', 100, '场地费')], { 公共收益: 0, 维修资金: 0 }), meta)
    const version = { ...draft.version, status: 'published' as const, publishedAt: '2027-01-04T23:30:00.000Z' }
    const text = renderStatementText(buildStatement({ versions: [version] }, version), { compoundName: '阳光花园' })
    expect(text).toContain('（第1版，2027-01-05确认）')
  })
})
