import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import type { FundStatement, ItemLine, Statement } from './build-statement.js'
import { formatFen } from './money.js'
import { cjkFontFamily } from './cjk-font.js'

// A plain table as a PNG: owners can zoom in and check every line, unlike a photo of paper.
// Long item names and approval references wrap inside their cell instead of being cut off:
// an approval reference is exactly what an owner wants to read in full.

type Tone = 'plain' | 'total' | 'balance'
// 资金, 类别, 日期, 项目, 对方, 金额, 批准文号: every movement with its date and payee, as
// owners check a bank statement
interface TableRow { cells: [string, string, string, string, string, string, string], tone: Tone }

const COLUMNS = [
  { title: '资金', width: 96, align: 'left' },
  { title: '类别', width: 96, align: 'left' },
  { title: '日期', width: 120, align: 'left' },
  { title: '项目', width: 220, align: 'left' },
  { title: '对方', width: 180, align: 'left' },
  { title: '金额', width: 160, align: 'right' },
  { title: '批准文号/业主大会决议', width: 290, align: 'left' }
] as const

/** 制表 (the treasurer who imported the file) and 审核 (the chair who published it), with dates. */
export interface Signatures { preparedBy: string, preparedOn: string, reviewedBy?: string, reviewedOn?: string }

const PAD = 24
const LINE_HEIGHT = 24
const CELL_PAD_Y = 8
const MAX_CELL_LINES = 4
const TITLE_HEIGHT = 96
const FOOT_HEIGHT = 64
const NOTE_HEIGHT = 28
const MAX_ITEM_ROWS = 60
const WIDTH = PAD * 2 + COLUMNS.reduce((w, c) => w + c.width, 0)

const FILL: Record<Tone, string> = { plain: '#ffffff', total: '#f2f5f9', balance: '#e6f0fa' }

const OPENING_NOTE: Record<FundStatement['openingSource'], string> = { stated: '', carried: '上期期末结转', none: '未登记，按0计' }

function itemRows (fund: string, kind: string, lines: ItemLine[]): TableRow[] {
  const all: TableRow[] = lines.flatMap(l => l.entries.map(e => ({
    cells: [fund, kind, e.date, l.item, e.counterparty, formatFen(e.amountFen), l.approvals.join('、')] as TableRow['cells'],
    tone: 'plain' as const
  })))
  if (all.length <= MAX_ITEM_ROWS) return all
  const restFen = lines.flatMap(l => l.entries).slice(MAX_ITEM_ROWS - 1).reduce((t, e) => t + e.amountFen, 0)
  return [...all.slice(0, MAX_ITEM_ROWS - 1),
    { cells: [fund, kind, '', `其余${all.length - MAX_ITEM_ROWS + 1}笔`, '', formatFen(restFen), ''], tone: 'plain' }]
}

function fundRows (f: FundStatement): TableRow[] {
  return [
    { cells: [f.fund, '期初余额', '', OPENING_NOTE[f.openingSource], '', formatFen(f.openingFen), ''], tone: 'balance' },
    ...itemRows(f.fund, '收入', f.income),
    { cells: [f.fund, '收入合计', '', '', '', formatFen(f.totalIncomeFen), ''], tone: 'total' },
    ...itemRows(f.fund, '支出', f.expense),
    { cells: [f.fund, '支出合计', '', '', '', formatFen(f.totalExpenseFen), ''], tone: 'total' },
    { cells: [f.fund, '期末余额', '', '', '', formatFen(f.closingFen), ''], tone: 'balance' }
  ]
}

/** Breaks text into lines that fit the width (character by character: Chinese has no spaces); the last allowed line ends with … if more remains. */
function wrap (ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (line !== '' && ctx.measureText(line + ch).width > width) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  if (lines.length <= MAX_CELL_LINES) return lines
  const kept = lines.slice(0, MAX_CELL_LINES)
  let last = kept[MAX_CELL_LINES - 1] ?? ''
  while (last !== '' && ctx.measureText(last + '…').width > width) last = [...last].slice(0, -1).join('')
  kept[MAX_CELL_LINES - 1] = last + '…'
  return kept
}

function fontOf (bold: boolean, font: string): string {
  return `${bold ? 'bold ' : ''}18px ${font}`
}

function cellLines (ctx: SKRSContext2D, cells: readonly string[], bold: boolean, font: string): string[][] {
  ctx.font = fontOf(bold, font)
  return COLUMNS.map((col, i) => wrap(ctx, cells[i] ?? '', col.width - 20))
}

const rowHeight = (lines: string[][]): number => Math.max(...lines.map(l => l.length)) * LINE_HEIGHT + CELL_PAD_Y * 2

function drawRow (ctx: SKRSContext2D, lines: string[][], y: number, fill: string, bold: boolean, font: string): number {
  const height = rowHeight(lines)
  ctx.fillStyle = fill
  ctx.fillRect(PAD, y, WIDTH - PAD * 2, height)
  ctx.strokeStyle = '#c8d0da'
  ctx.strokeRect(PAD, y, WIDTH - PAD * 2, height)
  ctx.font = fontOf(bold, font)
  ctx.fillStyle = '#1f2933'
  let x = PAD
  COLUMNS.forEach((col, i) => {
    ctx.textAlign = col.align
    ;(lines[i] ?? []).forEach((text, n) => {
      ctx.fillText(text, col.align === 'right' ? x + col.width - 10 : x + 10, y + CELL_PAD_Y + LINE_HEIGHT * n + LINE_HEIGHT / 2)
    })
    x += col.width
  })
  return height
}

export function signatureLine (s: Signatures | undefined): string {
  if (s === undefined) return ''
  const reviewed = s.reviewedBy !== undefined ? `${s.reviewedBy}（${s.reviewedOn ?? ''}）` : '待业委会主任审核'
  return `制表：${s.preparedBy}（${s.preparedOn}）　审核：${reviewed}`
}

export function renderStatementImage (statement: Statement, options: { compoundName: string, preview?: boolean, signatures?: Signatures }): Buffer {
  const font = cjkFontFamily()
  const measure = createCanvas(WIDTH, 10).getContext('2d')
  const header = cellLines(measure, COLUMNS.map(c => c.title), true, font)
  const rows = statement.funds.flatMap(fundRows).map(row => ({ row, lines: cellLines(measure, row.cells, row.tone !== 'plain', font) }))
  const correction = statement.corrects !== undefined
    ? `〔更正〕本版更正此前公示的第${statement.corrects}版。更正说明：${statement.correctionNote ?? ''}`
    : undefined
  const tableHeight = rowHeight(header) + rows.reduce((h, r) => h + rowHeight(r.lines), 0)
  const signed = signatureLine(options.signatures)
  const height = TITLE_HEIGHT + tableHeight + FOOT_HEIGHT + (correction !== undefined ? NOTE_HEIGHT : 0) + (signed !== '' ? NOTE_HEIGHT : 0)
  const canvas = createCanvas(WIDTH, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, height)
  ctx.textBaseline = 'middle'

  ctx.fillStyle = '#1f2933'
  ctx.textAlign = 'left'
  ctx.font = `bold 26px ${font}`
  const prefix = options.preview === true ? '〔草稿预览〕' : statement.corrects !== undefined ? '〔更正〕' : ''
  ctx.fillText(wrap(ctx, `${prefix}${options.compoundName} ${statement.period.label} 维修资金和公共收益收支公示`, WIDTH - PAD * 2)[0] ?? '', PAD, 38)
  ctx.font = `16px ${font}`
  ctx.fillStyle = '#52606d'
  ctx.fillText(`期间 ${statement.period.start} 至 ${statement.period.end}　第${statement.versionId}版　单位：元`, PAD, 74)

  let y = TITLE_HEIGHT
  y += drawRow(ctx, header, y, '#d9e2ec', true, font)
  for (const { row, lines } of rows) y += drawRow(ctx, lines, y, FILL[row.tone], row.tone !== 'plain', font)
  ctx.textAlign = 'left'
  ctx.font = `15px ${font}`
  ctx.fillStyle = '#52606d'
  const footY = y + FOOT_HEIGHT / 2
  ctx.fillText('期末余额 = 期初余额 + 收入合计 − 支出合计。维修资金支出均列明批准文号或业主大会决议。', PAD, footY)
  let noteY = footY
  if (signed !== '') {
    noteY += NOTE_HEIGHT
    ctx.fillStyle = '#1f2933'
    ctx.fillText(signed, PAD, noteY)
  }
  if (correction !== undefined) {
    ctx.fillStyle = '#b42318'
    ctx.fillText(wrap(ctx, correction, WIDTH - PAD * 2)[0] ?? '', PAD, noteY + NOTE_HEIGHT)
  }
  return canvas.toBuffer('image/png')
}
