import { describe, expect, it } from 'vitest'
import { createCanvas } from '@napi-rs/canvas'
import { addDraft, emptyBook } from '../../src/ledger/ledger-book.js'
import { buildStatement } from '../../src/ledger/build-statement.js'
import { renderStatementText, STATEMENT_TEXT_LIMIT } from '../../src/ledger/render-statement-text.js'
import { renderStatementImage, signatureLine } from '../../src/ledger/render-statement-image.js'
import { cjkFontFamily } from '../../src/ledger/cjk-font.js'
import { entry, imported } from './ledger-helpers.js'

function statementOf (entries: ReturnType<typeof entry>[]) {
  const { book, version } = addDraft(emptyBook(), imported(entries, { 维修资金: 100000000, 公共收益: 5000000 }), { source: 'x', by: 't', at: new Date(0) })
  return buildStatement(book, version)
}

const sample = [
  entry('维修资金', '支出', 5680000, '3号楼电梯更换曳引机', { approval: '业主大会决议〔2026〕第2号' }),
  entry('维修资金', '收入', 317025, '利息收入'),
  entry('公共收益', '收入', 1200000, '广告位租金')
]

describe('renderStatementText', () => {
  it('shows opening, items with approvals, totals and closing in ¥ format', () => {
    const text = renderStatementText(statementOf(sample), { compoundName: '阳光花园' })
    expect(text).toContain('【阳光花园 2026年下半年 维修资金和公共收益收支公示】')
    expect(text).toContain('期初余额：¥1,000,000.00')
    expect(text).toContain('  · 3号楼电梯更换曳引机 ¥56,800.00（批准：业主大会决议〔2026〕第2号）')
    expect(text).toContain('期末余额：¥946,370.25')
    expect(text).toContain('期末余额：¥62,000.00')
    expect(text).not.toContain('草稿')
  })

  it('labels a draft preview so it cannot pass for a disclosure', () => {
    const text = renderStatementText(statementOf(sample), { compoundName: '阳光花园', preview: true })
    expect(text.startsWith('〔草稿预览，尚未公示〕')).toBe(true)
    expect(text).toContain('/公示 发布')
  })

  it('shortens long item lists to fit, keeping the totals and the largest items', () => {
    const many = Array.from({ length: 120 }, (_, i) => entry('公共收益', '收入', 10000 + i, `第${i + 1}号车位月租收入`))
    const text = renderStatementText(statementOf(many), { compoundName: '阳光花园' })
    expect(text.length).toBeLessThanOrEqual(STATEMENT_TEXT_LIMIT)
    expect(text).toContain('第120号车位月租收入 ¥101.19')
    expect(text).toMatch(/其余\d+项 ¥[\d,]+\.\d\d（明细见表格图片）/)
    expect(text).toContain(`本期收入：¥${(many.reduce((t, e) => t + e.amountFen, 0) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`)
  })
})

describe('renderStatementImage', () => {
  it('lists each movement with its date and payee, and is signed 制表 / 审核 with dates', () => {
    const two = [entry('公共收益', '收入', 100, '停车费', { date: '2026-08-31', counterparty: '物业代收' }), entry('公共收益', '收入', 200, '停车费', { date: '2026-07-31', counterparty: '物业代收' })]
    const line = statementOf(two).funds[1]!.income[0]!
    expect(line.entries).toEqual([{ date: '2026-07-31', counterparty: '物业代收', amountFen: 200 }, { date: '2026-08-31', counterparty: '物业代收', amountFen: 100 }])
    expect(signatureLine({ preparedBy: '钱会计', preparedOn: '2027-01-03', reviewedBy: '赵主任', reviewedOn: '2027-01-05' }))
      .toBe('制表：钱会计（2027-01-03）　审核：赵主任（2027-01-05）')
    expect(signatureLine({ preparedBy: '钱会计', preparedOn: '2027-01-03' })).toBe('制表：钱会计（2027-01-03）　审核：待业委会主任审核')
    const signed = renderStatementImage(statementOf(two), { compoundName: '阳光花园', signatures: { preparedBy: '钱会计', preparedOn: '2027-01-03' } })
    const unsigned = renderStatementImage(statementOf(two), { compoundName: '阳光花园' })
    expect(signed.readUInt32BE(20)).toBeGreaterThan(unsigned.readUInt32BE(20))
  })

  it('draws a PNG table', () => {
    const png = renderStatementImage(statementOf(sample), { compoundName: '阳光花园' })
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height, big-endian, at bytes 16–23
    expect(png.readUInt32BE(16)).toBe(1210)
    expect(png.readUInt32BE(20)).toBeGreaterThan(500)
  })

  it('renders Chinese with real glyphs from the packaged font, not tofu boxes', () => {
    const family = cjkFontFamily()
    const draw = (ch: string): string => {
      const canvas = createCanvas(64, 64)
      const ctx = canvas.getContext('2d')
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, 64, 64)
      ctx.fillStyle = '#000'
      ctx.font = `48px ${family}`
      ctx.fillText(ch, 8, 52)
      return canvas.toBuffer('image/png').toString('base64')
    }
    // missing glyphs all draw the same box; distinct characters must draw differently
    const glyphs = new Set(['维', '修', '资', '金', '公', '示'].map(draw))
    expect(glyphs.size).toBe(6)
  })
})
