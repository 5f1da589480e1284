import type { Fund, LedgerEntry, LedgerImport } from '../../src/ledger/ledger-entry.js'

export function entry (fund: Fund, direction: '收入' | '支出', amountFen: number, item: string, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    date: '2026-08-01', fund, direction, amountFen, item, counterparty: '某公司', row: 2,
    ...(fund === '维修资金' && direction === '支出' && { approval: '业主大会决议〔2026〕第1号' }),
    ...extra
  }
}

export function imported (entries: LedgerEntry[], opening: LedgerImport['opening'] = {}, period: LedgerImport['period'] = '2026H2'): LedgerImport {
  return { period, entries, opening }
}

/** A small deterministic PRNG (mulberry32) so randomized checks are reproducible. */
export function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
