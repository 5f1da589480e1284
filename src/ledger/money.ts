import { toHalfWidth } from '../text/to-simplified.js'

// Amounts are integer fen everywhere: yuan strings are parsed digit by digit and numbers
// from spreadsheet cells are snapped to the nearest fen only when they are (within float
// noise) a two-decimal value, so 0.1 + 0.2 never becomes a published figure.

const YUAN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/** "1,234.50", "1234.5", "¥12", "12元", "１２，０００．００" → fen; undefined when not a positive amount with at most two decimals. */
export function parseYuan (input: string | number): number | undefined {
  if (typeof input === 'number') return numberToFen(input)
  // typed with a Chinese input method, thousands are separated by the full-width comma
  const text = toHalfWidth(input).trim().replace(/(\d)，(?=\d{3})/g, '$1,').replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '')
  const match = YUAN.exec(text)
  if (match === null) return undefined
  const [whole, decimals = ''] = text.replace(/,/g, '').split('.')
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'))
  return Number.isSafeInteger(fen) && fen > 0 ? fen : undefined
}

function numberToFen (value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined
  const fen = Math.round(value * 100)
  // a cell holding 1234.567 is refused, not rounded
  if (Math.abs(value * 100 - fen) > 1e-6 * Math.max(1, Math.abs(value))) return undefined
  return Number.isSafeInteger(fen) && fen > 0 ? fen : undefined
}

/** 123450 → "¥1,234.50"; negative balances (overdrawn) → "-¥1,234.50". */
export function formatFen (fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${yuan}.${(abs % 100).toString().padStart(2, '0')}`
}
