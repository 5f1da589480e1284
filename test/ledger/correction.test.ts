import { describe, expect, it } from 'vitest'
import { addDraft, emptyBook, publishedVersion, type LedgerBook } from '../../src/ledger/ledger-book.js'
import { buildStatement } from '../../src/ledger/build-statement.js'
import { compareStatements } from '../../src/ledger/compare-statements.js'
import { publishVersion, staleFollower } from '../../src/ledger/publish-version.js'
import type { LedgerImport } from '../../src/ledger/ledger-entry.js'
import { entry, imported } from './ledger-helpers.js'

const meta = { source: 'a.xlsx', by: 't', at: new Date('2027-01-02T02:00:00Z') }

function publish (book: LedgerBook, file: LedgerImport, correctionNote?: string): LedgerBook {
  const draft = addDraft(book, file, meta)
  const result = publishVersion(draft.book, draft.version.id, { by: 'chair', at: meta.at, ...(correctionNote !== undefined && { correctionNote }) })
  if (!result.ok) throw new Error(result.message)
  return result.book
}

const h1 = (fen: number): LedgerImport => imported([entry('公共收益', '收入', fen, '场地费', { date: '2026-03-01' })], { 公共收益: 10000 }, '2026H1')
const h2 = imported([entry('公共收益', '支出', 500, '绿化')])

describe('corrections', () => {
  it('refuses a correction that changes nothing, even from another file', () => {
    const book = publish(emptyBook(), h1(3000))
    const draft = addDraft(book, { ...h1(3000), entries: h1(3000).entries.map(e => ({ ...e, row: 9 })) }, { ...meta, source: 'b.csv' })
    const result = publishVersion(draft.book, draft.version.id, { by: 'chair', at: meta.at, correctionNote: '重发' })
    expect(result).toEqual({ ok: false, message: '与已公示的版本完全相同，没有需要更正的内容（第1版）' })
  })

  it('never changes the published figures of the next half-year when an earlier one is corrected', () => {
    let book = publish(emptyBook(), h1(3000))
    book = publish(book, h2)
    const before = buildStatement(book, publishedVersion(book, '2026H2')!)
    expect(before.funds[1]).toMatchObject({ openingFen: 13000, openingSource: 'carried', closingFen: 12500 })

    book = publish(book, h1(3500), '场地费少记5元')
    const after = buildStatement(book, publishedVersion(book, '2026H2')!)
    expect(after.funds).toEqual(before.funds)
    // …and says which statement no longer follows on
    expect(staleFollower(book, publishedVersion(book, '2026H1')!)?.period).toBe('2026H2')
  })

  it('has no stale follower when the closing balance did not change', () => {
    let book = publish(emptyBook(), h1(3000))
    book = publish(book, h2)
    book = publish(book, imported([entry('公共收益', '收入', 3000, '场地费', { date: '2026-03-01', counterparty: '某某公司' })], { 公共收益: 10000 }, '2026H1'), '对方单位名称更正')
    expect(staleFollower(book, publishedVersion(book, '2026H1')!)).toBeUndefined()
  })

  it('describes what a correction changes, item by item and in the balances', () => {
    const first = publish(emptyBook(), imported([entry('公共收益', '收入', 864000, '临时停车费'), entry('公共收益', '收入', 1200000, '广告位租金')], { 公共收益: 100 }))
    const old = publishedVersion(first, '2026H2')!
    const second = publish(first, imported([entry('公共收益', '收入', 874000, '临时停车费'), entry('公共收益', '支出', 5000, '绿化')], { 公共收益: 100 }), '停车费少记100元')
    const changes = compareStatements(buildStatement(second, old), buildStatement(second, publishedVersion(second, '2026H2')!))
    expect(changes).toEqual([
      '公共收益收入「广告位租金」：删除（原为 ¥12,000.00）',
      '公共收益收入「临时停车费」：¥8,640.00 → ¥8,740.00',
      '公共收益支出「绿化」：新增 ¥50.00',
      '公共收益期末余额：¥20,641.00 → ¥8,691.00'
    ])
    expect(compareStatements(buildStatement(second, old), buildStatement(second, old))).toEqual([])
  })
})
