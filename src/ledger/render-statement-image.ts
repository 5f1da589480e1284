import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import type { FundStatement, ItemLine, Statement } from './build-statement.js'
import { formatFen } from './money.js'
import { cjkFontFamily } from './cjk-font.js'

// A plain table as a PNG: owners can zoom in and check every line, unlike a photo of paper.

type Tone = 'plain' | 'total' | 'balance'
interface TableRow { cells: [string, string, string, string, string], tone: Tone }

const COLUMNS = [
  { title: '资金', width: 100, align: 'left' },
  { title: '类别', width: 100, align: 'left' },
  { title: '项目', width: 260, align: 'left' },
  { title: '金额', width: 170, align: 'right' },
  { title: '批准文号/业主大会决议', width: 370, align: 'left' }
] as const

const PAD = 24
const ROW_HEIGHT = 40
const TITLE_HEIGHT = 96
const FOOT_HEIGHT = 64
const MAX_ITEM_ROWS = 40
const WIDTH = PAD * 2 + COLUMNS.reduce((w, c) => w + c.width, 0)

const FILL: Record<Tone, string> = { plain: '#ffffff', total: '#f2f5f9', balance: '#e6f0fa' }

function itemRows (fund: string, kind: string, lines: ItemLine[]): TableRow[] {
  const shown = lines.slice(0, MAX_ITEM_ROWS)
  const rows: TableRow[] = shown.map(l => ({
    cells: [fund, kind, l.count > 1 ? `${l.item}（${l.count}笔）` : l.item, formatFen(l.amountFen), l.approvals.join('、')],
    tone: 'plain'
  }))
  const rest = lines.slice(MAX_ITEM_ROWS)
  if (rest.length > 0) {
    rows.push({ cells: [fund, kind, `其余${rest.length}项`, formatFen(rest.reduce((t, l) => t + l.amountFen, 0)), ''], tone: 'plain' })
  }
  return rows
}

function fundRows (f: FundStatement): TableRow[] {
  return [
    { cells: [f.fund, '期初余额', '', formatFen(f.openingFen), ''], tone: 'balance' },
    ...itemRows(f.fund, '收入', f.income),
    { cells: [f.fund, '收入合计', '', formatFen(f.totalIncomeFen), ''], tone: 'total' },
    ...itemRows(f.fund, '支出', f.expense),
    { cells: [f.fund, '支出合计', '', formatFen(f.totalExpenseFen), ''], tone: 'total' },
    { cells: [f.fund, '期末余额', '', formatFen(f.closingFen), ''], tone: 'balance' }
  ]
}

/** Cuts text with an ellipsis so it stays inside its cell. */
function fit (ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text
  let chars = [...text]
  while (chars.length > 0 && ctx.measureText(chars.join('') + '…').width > width) chars = chars.slice(0, -1)
  return chars.join('') + '…'
}

function drawRow (ctx: SKRSContext2D, cells: readonly string[], y: number, fill: string, bold: boolean, font: string): void {
  ctx.fillStyle = fill
  ctx.fillRect(PAD, y, WIDTH - PAD * 2, ROW_HEIGHT)
  ctx.strokeStyle = '#c8d0da'
  ctx.strokeRect(PAD, y, WIDTH - PAD * 2, ROW_HEIGHT)
  ctx.font = `${bold ? 'bold ' : ''}18px ${font}`
  ctx.fillStyle = '#1f2933'
  let x = PAD
  COLUMNS.forEach((col, i) => {
    const text = fit(ctx, cells[i] ?? '', col.width - 20)
    ctx.textAlign = col.align
    ctx.fillText(text, col.align === 'right' ? x + col.width - 10 : x + 10, y + ROW_HEIGHT / 2)
    x += col.width
  })
}

export function renderStatementImage (statement: Statement, options: { compoundName: string, preview?: boolean }): Buffer {
  const font = cjkFontFamily()
  const rows = statement.funds.flatMap(fundRows)
  const height = TITLE_HEIGHT + ROW_HEIGHT * (rows.length + 1) + FOOT_HEIGHT
  const canvas = createCanvas(WIDTH, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, height)
  ctx.textBaseline = 'middle'

  ctx.fillStyle = '#1f2933'
  ctx.textAlign = 'left'
  ctx.font = `bold 26px ${font}`
  const prefix = options.preview === true ? '〔草稿预览〕' : statement.corrects !== undefined ? '〔更正〕' : ''
  ctx.fillText(fit(ctx, `${prefix}${options.compoundName} ${statement.period.label} 维修资金和公共收益收支公示`, WIDTH - PAD * 2), PAD, 38)
  ctx.font = `16px ${font}`
  ctx.fillStyle = '#52606d'
  ctx.fillText(`期间 ${statement.period.start} 至 ${statement.period.end}　第${statement.versionId}版　单位：元`, PAD, 74)

  let y = TITLE_HEIGHT
  drawRow(ctx, COLUMNS.map(c => c.title), y, '#d9e2ec', true, font)
  for (const row of rows) {
    y += ROW_HEIGHT
    drawRow(ctx, row.cells, y, FILL[row.tone], row.tone !== 'plain', font)
  }
  ctx.textAlign = 'left'
  ctx.font = `15px ${font}`
  ctx.fillStyle = '#52606d'
  ctx.fillText('期末余额 = 期初余额 + 收入合计 − 支出合计。维修资金支出均列明批准文号或业主大会决议。', PAD, y + ROW_HEIGHT + FOOT_HEIGHT / 2)
  return canvas.toBuffer('image/png')
}
