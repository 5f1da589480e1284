import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { parseLedgerFile } from '../../src/ledger/parse-ledger-file.js'
import { formatLedgerError } from '../../src/ledger/parse-ledger-rows.js'

// Spreadsheets as treasurers really make them in Excel or WPS.

const HEADER = ['日期', '资金', '收支', '金额', '项目', '对方', '批准文号/业主大会决议']

async function xlsx (rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('账目')
  for (const row of rows) sheet.addRow(row)
  build?.(sheet)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csv = (rows: string[][]): Buffer => Buffer.from(rows.map(r => r.join(',')).join('\n'))

describe('parseLedgerFile on messy real-world sheets', () => {
  it('reads dates as Excel serial numbers (a 常规 column, or a built-in Chinese date format) and as 20260720', async () => {
    const result = await parseLedgerFile('a.xlsx', await xlsx([
      HEADER,
      [46223, '公共收益', '收入', 100, '场地费', '某公司', ''],
      ['46224', '公共收益', '收入', 100, '场地费', '某公司', ''],
      [20260722, '公共收益', '收入', 100, '场地费', '某公司', ''],
      ['20260723', '公共收益', '收入', 100, '场地费', '某公司', ''],
      ['2026-07-24 10:30', '公共收益', '收入', 100, '场地费', '某公司', '']
    ]))
    expect(result.ok && result.value.entries.map(e => e.date)).toEqual(['2026-07-20', '2026-07-21', '2026-07-22', '2026-07-23', '2026-07-24'])
  })

  it('still refuses a number that is not a plausible date, and 20260230', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026-07-01', '公共收益', '收入', '10', '场地费', '某公司', ''],
      ['1234', '公共收益', '收入', '10', '场地费', '某公司', ''],
      ['20260230', '公共收益', '收入', '10', '场地费', '某公司', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual([
      '第3行「日期」: 应为日期，例如 2026-07-15',
      '第4行「日期」: 不是有效的日期'
    ])
  })

  it('reads ¥, 元, full-width digits and a full-width thousands comma', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026/7/1', '公共收益', '收入', '¥1234.50', '场地费', '某公司', ''],
      ['2026年7月2日', '公共收益', '收入', '88元', '场地费', '某公司', ''],
      ['2026.7.3', '公共收益', '收入', '１２，０００．００', '场地费', '某公司', '']
    ]))
    expect(result.ok && result.value.entries.map(e => e.amountFen)).toEqual([123450, 8800, 1200000])
  })

  it('skips a 合计 row under a merged title row, and says so', async () => {
    const result = await parseLedgerFile('a.xlsx', await xlsx([
      ['阳光花园2026年下半年收支明细表'],
      HEADER,
      ['2026-07-01', '公共收益', '收入', 100, '场地费', '某公司', ''],
      [],
      ['合计', '', '', 100, '', '', '']
    ], sheet => { sheet.mergeCells('A1:G1') }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.entries).toHaveLength(1)
    expect(result.notes).toEqual(['第5行是合计行，已跳过（合计由本助手按明细计算）'])
  })

  it('checks a row that says 收入 even when its first cell reads 合计', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['合计', '公共收益', '收入', '100', '场地费', '某公司', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual(['第2行「日期」: 应为日期，例如 2026-07-15'])
  })

  it('takes the half-year most rows are in, so the one mistyped year is the row reported', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2062-07-01', '公共收益', '收入', '10', '场地费', '某公司', ''],
      ['2026-08-01', '公共收益', '收入', '10', '场地费', '某公司', ''],
      ['2026-09-01', '公共收益', '收入', '10', '场地费', '某公司', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual([
      '第2行「日期」: 不在2026年下半年内（一个文件只能包含同一个半年的账目）'
    ])
  })

  it('accepts an opening balance dated the last day of the previous half-year, or with no date', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026-06-30', '维修资金', '期初余额', '1000', '', '', ''],
      ['', '公共收益', '期初余额', '0', '', '', ''],
      ['2026-07-03', '公共收益', '收入', '10', '场地费', '某公司', '']
    ]))
    expect(result.ok && result.value).toMatchObject({ period: '2026H2', opening: { 维修资金: 100000, 公共收益: 0 } })
    const wrong = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026-01-01', '维修资金', '期初余额', '1000', '', '', ''],
      ['2026-07-03', '公共收益', '收入', '10', '场地费', '某公司', '']
    ]))
    expect(!wrong.ok && wrong.errors.map(formatLedgerError)).toEqual([
      '第2行「日期」: 期初余额的日期应为2026-07-01（或上期期末2026-06-30），也可以不填'
    ])
  })

  it('reports a maintenance-fund expense without approval among the other mistakes of a messy sheet', async () => {
    const result = await parseLedgerFile('a.xlsx', await xlsx([
      ['阳光花园收支明细'],
      ['制表：钱委员'],
      ['日期', '资金类别', '收支类别', '金额（元）', '摘要', '往来单位', '批准文号'],
      [46204, ' 维修资金 ', '支出', '￥56,800.00', '3号楼电梯', '电梯公司', ''],
      ['2026年7月2日', '公共收益', '收', '8,640.00元', '停车费', '物业代收', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual([
      '第4行「批准文号/业主大会决议」: 维修资金支出必须填写批准文号或业主大会决议'
    ])
  })
})

describe('parseLedgerFile on workbooks and signed amounts', () => {
  it('finds the accounts on a later sheet when the workbook opens on a 说明 sheet', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('说明').addRow(['本表由财务填写，每半年报业委会主任'])
    const sheet = workbook.addWorksheet('收支明细')
    sheet.addRow(HEADER)
    sheet.addRow(['2026-07-01', '公共收益', '收入', 100, '场地费', '某公司', ''])
    const result = await parseLedgerFile('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(result.ok && result.value.entries).toHaveLength(1)
  })

  it('explains that an expense is written as a positive amount', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026-07-01', '公共收益', '支出', '-2,350.00', '绿化', '某公司', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual([
      '第2行「金额」: 应为正数，最多两位小数（支出也写正数，收入、支出由「收支」列区分）'
    ])
  })
})
