import { describe, expect, it } from 'vitest'
import { parseLedgerFile } from '../../src/ledger/parse-ledger-file.js'
import { formatLedgerError } from '../../src/ledger/parse-ledger-rows.js'
import { HEADER, HOSTILE } from '../fixtures/hostile-spreadsheets.js'
import ExcelJS from 'exceljs'

const messages = (r: Awaited<ReturnType<typeof parseLedgerFile>>): string => r.ok ? '' : r.errors.map(formatLedgerError).join('\n')

describe('hostile spreadsheets are refused with a reason', () => {
  for (const [kind, { make, says }] of Object.entries(HOSTILE)) {
    it(kind, async () => {
      const result = await parseLedgerFile(`${kind}.xlsx`, await make())
      expect(result.ok).toBe(false)
      expect(messages(result)).toContain(says)
    })
  }

  it('a hidden EMPTY sheet does not matter; the visible ledger is read', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('旧表', { state: 'hidden' })
    const sheet = workbook.addWorksheet('账目')
    sheet.addRow(HEADER)
    sheet.addRow(['2026-08-01', '公共收益', '收入', 12000, '场地租金', '某公司', ''])
    const result = await parseLedgerFile('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(result.ok && result.value.entries.map(e => e.amountFen)).toEqual([1200000])
  })

  it('a sheet of 5,000 rows, at the limit, is read whole', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('账目')
    sheet.addRow(HEADER)
    for (let i = 0; i < 5000; i++) sheet.addRow(['2026-08-01', '公共收益', '收入', 1, `租金${i}`, '某公司', ''])
    const result = await parseLedgerFile('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(result.ok && result.value.entries).toHaveLength(5000)
  })

  it('a lone dash in an optional column means empty, not a formula', async () => {
    const csv = Buffer.from([HEADER.join(','), '2026-08-01,公共收益,收入,100,场地租金,某公司,-'].join('\n'))
    const result = await parseLedgerFile('a.csv', csv)
    expect(result.ok).toBe(true)
  })

  it('formula-looking text in a .csv is refused with row and column', async () => {
    const csv = Buffer.from([HEADER.join(','), '2026-08-01,公共收益,收入,100,@SUM(A1),某公司,'].join('\n'))
    expect(messages(await parseLedgerFile('a.csv', csv))).toContain('第2行「项目」')
  })
})
