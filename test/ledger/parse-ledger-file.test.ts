import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { parseLedgerFile } from '../../src/ledger/parse-ledger-file.js'
import { formatLedgerError } from '../../src/ledger/parse-ledger-rows.js'

const fixture = async (name: string): Promise<Buffer> => await readFile(new URL(`../fixtures/${name}`, import.meta.url))

const HEADER = ['日期', '资金', '收支', '金额', '项目', '对方', '批准文号/业主大会决议']

async function xlsx (rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('账目')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csv = (rows: string[][]): Buffer => Buffer.from(rows.map(r => r.join(',')).join('\n'))

describe('parseLedgerFile', () => {
  it('imports the sample .xlsx with exact fen and opening balances', async () => {
    const result = await parseLedgerFile('ledger-2026H2.xlsx', await fixture('ledger-2026H2.xlsx'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.period).toBe('2026H2')
    expect(result.value.entries).toHaveLength(10)
    expect(result.value.opening).toEqual({ 维修资金: 126840000, 公共收益: 8652035 })
    const elevator = result.value.entries.find(e => e.item === '3号楼电梯更换曳引机')
    expect(elevator).toMatchObject({
      date: '2026-09-15', fund: '维修资金', direction: '支出', amountFen: 5680000,
      approval: '阳光花园业主大会决议〔2026〕第2号', row: 7
    })
  })

  it('reads the .csv sample to the same entries as the .xlsx', async () => {
    const a = await parseLedgerFile('ledger-2026H2.xlsx', await fixture('ledger-2026H2.xlsx'))
    const b = await parseLedgerFile('ledger-2026H2.csv', await fixture('ledger-2026H2.csv'))
    expect(b).toEqual(a)
  })

  it('reports every bad row by row number and Chinese column name, and returns no entries', async () => {
    const result = await parseLedgerFile('ledger-bad.csv', await fixture('ledger-bad.csv'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect('value' in result).toBe(false)
    expect(result.errors.map(formatLedgerError)).toEqual([
      '第3行「金额」: 应为正数，最多两位小数',
      '第4行「资金」: 应为「维修资金」或「公共收益」',
      '第5行「批准文号/业主大会决议」: 维修资金支出必须填写批准文号或业主大会决议'
    ])
  })

  it('checks .xlsx cells too: a negative number, a bad date and an empty item on one row', async () => {
    const data = await xlsx([
      HEADER,
      [new Date('2026-08-01T00:00:00Z'), '公共收益', '收入', 100, '场地费', '某公司', ''],
      ['2026-02-30', '公共收益', '收入', -5, '', '某公司', '']
    ])
    const result = await parseLedgerFile('a.xlsx', data)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map(formatLedgerError)).toEqual([
      '第3行「日期」: 不是有效的日期',
      '第3行「金额」: 应为正数，最多两位小数（支出也写正数，收入、支出由「收支」列区分）',
      '第3行「项目」: 不能为空'
    ])
  })

  it('refuses rows from another half-year', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      HEADER,
      ['2026-07-01', '公共收益', '收入', '10', '场地费', '某公司', ''],
      ['2027-01-03', '公共收益', '收入', '10', '场地费', '某公司', '']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual([
      '第3行「日期」: 不在2026年下半年内（一个文件只能包含同一个半年的账目）'
    ])
  })

  it('names a missing header column', async () => {
    const result = await parseLedgerFile('a.csv', csv([
      ['日期', '资金', '收支', '项目', '对方'],
      ['2026-07-01', '公共收益', '收入', '场地费', '某公司']
    ]))
    expect(!result.ok && result.errors.map(formatLedgerError)).toEqual(['第1行「金额」: 表头缺少这一列'])
  })

  it('finds the header under a title row and accepts Traditional headers', async () => {
    const result = await parseLedgerFile('a.xlsx', await xlsx([
      ['陽光花園2026年下半年收支明細'],
      ['日期', '資金', '收支', '金額', '項目', '對方'],
      ['2026-07-01', '公共收益', '收入', '1,234.5', '場地費', '某公司']
    ]))
    expect(result.ok && result.value.entries[0]).toMatchObject({ amountFen: 123450, item: '场地费', row: 3 })
  })

  it('reads a CSV saved by Excel in GBK', async () => {
    const text = [HEADER.join(','), '2026-07-01,公共收益,收入,88.8,场地费,某公司,'].join('\r\n')
    const bytes = encodeGb18030(text)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const result = await parseLedgerFile('a.csv', bytes)
    expect(result.ok && result.value.entries[0]?.amountFen).toBe(8880)
  })

  it('refuses other file types and empty sheets politely', async () => {
    const doc = await parseLedgerFile('a.docx', Buffer.from('hello'))
    expect(!doc.ok && doc.errors[0]?.message).toBe('只能导入 .xlsx 或 .csv 文件')
    const xls = await parseLedgerFile('a.xls', Buffer.from('hello'))
    expect(!xls.ok && xls.errors[0]?.message).toContain('另存为 .xlsx')
    const empty = await parseLedgerFile('a.csv', csv([HEADER]))
    expect(!empty.ok && empty.errors[0]?.message).toBe('文件里没有账目行')
    const broken = await parseLedgerFile('a.xlsx', Buffer.from('PK not really a zip'))
    expect(!broken.ok && broken.errors[0]?.message).toContain('无法读取')
  })
})

/** Node has no GBK encoder: GB18030 bytes for a string, found by decoding every two-byte sequence. */
function encodeGb18030 (text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const bytes = table.get(ch)
      if (bytes === undefined) throw new Error(`no GB18030 bytes for ${ch}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}
