import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { parseLedgerFile } from '../../src/ledger/parse-ledger-file.js'
import { addDraft, emptyBook, publishDraft } from '../../src/ledger/ledger-book.js'
import { buildFundStatement, buildStatement, type FundStatement } from '../../src/ledger/build-statement.js'
import { FUNDS, type LedgerEntry } from '../../src/ledger/ledger-entry.js'
import { entry, imported, prng } from './ledger-helpers.js'

/** What "the totals reconcile" means, stated once. */
function expectReconciles (s: FundStatement, entries: LedgerEntry[]): void {
  const own = entries.filter(e => e.fund === s.fund)
  const total = (d: string): number => own.filter(e => e.direction === d).reduce((t, e) => t + e.amountFen, 0)
  expect(s.totalIncomeFen).toBe(total('收入'))
  expect(s.totalExpenseFen).toBe(total('支出'))
  expect(s.income.reduce((t, l) => t + l.amountFen, 0)).toBe(s.totalIncomeFen)
  expect(s.expense.reduce((t, l) => t + l.amountFen, 0)).toBe(s.totalExpenseFen)
  expect(s.income.reduce((t, l) => t + l.count, 0) + s.expense.reduce((t, l) => t + l.count, 0)).toBe(own.length)
  expect(s.closingFen).toBe(s.openingFen + s.totalIncomeFen - s.totalExpenseFen)
}

describe('buildStatement', () => {
  it('reconciles the sample spreadsheet to the figures a person computes by hand', async () => {
    const parsed = await parseLedgerFile('ledger-2026H2.xlsx', await readFile(new URL('../fixtures/ledger-2026H2.xlsx', import.meta.url)))
    if (!parsed.ok) throw new Error('fixture should parse')
    const { book, version } = addDraft(emptyBook(), parsed.value, { source: 'x', by: 't', at: new Date(0) })
    const statement = buildStatement(book, version)
    const [fund, income] = statement.funds
    expect(fund).toMatchObject({ fund: '维修资金', openingFen: 126840000, totalIncomeFen: 639605, totalExpenseFen: 7545000, closingFen: 119934605 })
    expect(income).toMatchObject({ fund: '公共收益', openingFen: 8652035, totalIncomeFen: 3075050, totalExpenseFen: 415000, closingFen: 11312085 })
    expect(fund?.expense.map(l => l.approvals)).toEqual([['阳光花园业主大会决议〔2026〕第2号'], ['阳光花园业主大会决议〔2026〕第3号']])
    for (const s of statement.funds) expectReconciles(s, parsed.value.entries)
  })

  it('groups by item, largest first, and keeps every approval reference', () => {
    const entries = [
      entry('维修资金', '支出', 500, '电梯维修', { approval: 'A号' }),
      entry('维修资金', '支出', 700, '电梯维修', { approval: 'B号' }),
      entry('维修资金', '支出', 900, '屋面防水', { approval: 'C号' }),
      entry('维修资金', '收入', 50, '利息')
    ]
    const s = buildFundStatement('维修资金', entries, 10000, 'stated')
    expect(s.expense.map(({ entries: _, ...line }) => line)).toEqual([
      { item: '电梯维修', amountFen: 1200, count: 2, approvals: ['A号', 'B号'] },
      { item: '屋面防水', amountFen: 900, count: 1, approvals: ['C号'] }
    ])
    expect(s.closingFen).toBe(10000 + 50 - 2100)
  })

  it('reconciles for any set of entries (randomized, seeded)', () => {
    const random = prng(20260705)
    const items = ['利息收入', '电梯维修', '停车费', '广告费', '绿化', '屋面防水', '场地费']
    for (let round = 0; round < 200; round++) {
      const entries = Array.from({ length: Math.floor(random() * 60) }, () => entry(
        FUNDS[Math.floor(random() * 2)] ?? '维修资金',
        random() < 0.5 ? '收入' : '支出',
        1 + Math.floor(random() * 100_000_000),
        items[Math.floor(random() * items.length)] ?? '其他'
      ))
      const opening = Math.floor(random() * 1e10)
      for (const fund of FUNDS) expectReconciles(buildFundStatement(fund, entries, opening, 'stated'), entries)
    }
  })

  it('carries the previous published period closing balance as the opening balance', () => {
    const h1 = addDraft(emptyBook(), imported([entry('公共收益', '收入', 3000, '场地费', { date: '2026-03-01' })], { 公共收益: 10000 }, '2026H1'), { source: 'x', by: 't', at: new Date(0) })
    const published = publishDraft(h1.book, h1.version.id, { by: 'c', at: new Date(0) })
    if (!published.ok) throw new Error(published.message)
    const h2 = addDraft(published.book, imported([entry('公共收益', '支出', 500, '绿化')]), { source: 'y', by: 't', at: new Date(0) })
    const statement = buildStatement(h2.book, h2.version)
    expect(statement.funds[1]).toMatchObject({ fund: '公共收益', openingFen: 13000, openingSource: 'carried', closingFen: 12500 })
    expect(statement.funds[0]).toMatchObject({ fund: '维修资金', openingFen: 0, openingSource: 'none' })
  })
})
