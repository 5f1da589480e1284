import { buildStatement } from './build-statement.js'
import { FUNDS } from './ledger-entry.js'
import { publishDraft, publishedVersion, type BookResult, type LedgerBook, type LedgerVersion, type ResolvedOpening } from './ledger-book.js'
import { periodFromId, type Period } from './period.js'

/** The half-year after this one (2026H2 → 2027H1). */
function nextPeriod (period: Period): Period | undefined {
  return periodFromId(period.half === 1 ? `${period.year}H2` : `${period.year + 1}H1`)
}

/** The opening balances a version shows now, to be fixed when it is published. */
export function resolveOpening (book: LedgerBook, version: LedgerVersion): ResolvedOpening {
  const funds = buildStatement(book, version).funds
  return Object.fromEntries(FUNDS.map(fund => {
    const f = funds.find(s => s.fund === fund)
    return [fund, { fen: f?.openingFen ?? 0, source: f?.openingSource ?? 'none' }]
  })) as ResolvedOpening
}

/**
 * The published version of the next half-year whose opening balance was carried from this
 * period and no longer matches its (corrected) closing balance: that statement keeps the
 * figures owners saw, so the treasurer has to re-import it as a correction too.
 */
export function staleFollower (book: LedgerBook, version: LedgerVersion): LedgerVersion | undefined {
  const period = periodFromId(version.period)
  const next = period === undefined ? undefined : nextPeriod(period)
  const follower = next === undefined ? undefined : publishedVersion(book, next.id)
  if (follower === undefined) return undefined
  const closing = buildStatement(book, version).funds
  const opening = buildStatement(book, follower).funds
  const stale = opening.some(o => o.openingSource === 'carried' && o.openingFen !== closing.find(c => c.fund === o.fund)?.closingFen)
  return stale ? follower : undefined
}

/** The chair confirms a draft: published with its opening balances fixed (see LedgerVersion.openingAtPublication). */
export function publishVersion (
  book: LedgerBook,
  draftId: number,
  meta: { by: string, at: Date, correctionNote?: string }
): BookResult {
  const draft = book.versions.find(v => v.id === draftId)
  if (draft === undefined || draft.status !== 'draft') return publishDraft(book, draftId, meta)
  return publishDraft(book, draftId, { ...meta, opening: resolveOpening(book, draft) })
}
