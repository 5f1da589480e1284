import { describe, expect, it } from 'vitest'
import { formatFen, parseYuan } from '../../src/ledger/money.js'

describe('parseYuan', () => {
  it('reads yuan text to exact fen', () => {
    expect(parseYuan('1,234.50')).toBe(123450)
    expect(parseYuan('1234.5')).toBe(123450)
    expect(parseYuan('0.29')).toBe(29)
    expect(parseYuan('¥1,268,400.00')).toBe(126840000)
    expect(parseYuan('１２３.４５')).toBe(12345)
    expect(parseYuan('12元')).toBe(1200)
  })

  it('refuses what is not a positive amount with at most two decimals', () => {
    for (const bad of ['', '0', '0.00', '-5', '1.234', '12,34.00', 'abc', '1e3', '1,2345']) {
      expect(parseYuan(bad), bad).toBeUndefined()
    }
  })

  it('snaps spreadsheet numbers to fen only when they are two-decimal values', () => {
    expect(parseYuan(0.29)).toBe(29)
    expect(parseYuan(0.1 + 0.2)).toBe(30)
    expect(parseYuan(1234.5)).toBe(123450)
    expect(parseYuan(1234.567)).toBeUndefined()
    expect(parseYuan(-3)).toBeUndefined()
  })
})

describe('formatFen', () => {
  it('writes ¥ with thousands separators and two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(126840000)).toBe('¥1,268,400.00')
    expect(formatFen(-123450)).toBe('-¥1,234.50')
  })

  it('round-trips every amount', () => {
    for (const fen of [1, 99, 100, 101, 123456789, 99999999999]) expect(parseYuan(formatFen(fen))).toBe(fen)
  })
})
