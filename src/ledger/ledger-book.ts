import type { Fund, LedgerEntry, LedgerImport } from './ledger-entry.js'
import type { PeriodId } from './period.js'

// The accounts as a list of versions, a plain object the storage layer persists. A version
// is never changed once published: a correction is a new version that supersedes it and
// carries a 更正 note, so what owners were shown can always be reproduced.

export type VersionStatus = 'draft' | 'published' | 'superseded' | 'discarded'

/** Where an opening balance came from: stated in the file, carried from the previous published period, or unknown (0). */
export type OpeningSource = 'stated' | 'carried' | 'none'
export type ResolvedOpening = Record<Fund, { fen: number, source: OpeningSource }>

export interface LedgerVersion {
  id: number
  period: PeriodId
  status: VersionStatus
  entries: LedgerEntry[]
  opening: Partial<Record<Fund, number>>
  /**
   * The opening balances as published, fixed at publication: a later correction of the period
   * before must not change figures owners were shown for this one. Absent on drafts.
   */
  openingAtPublication?: ResolvedOpening
  source: string
  importedBy: string
  importedAt: string
  publishedBy?: string
  publishedAt?: string
  /** the published version this one corrects */
  corrects?: number
  /** 更正说明, required when correcting */
  correctionNote?: string
  supersededBy?: number
}

export interface LedgerBook { versions: LedgerVersion[] }

export const emptyBook = (): LedgerBook => ({ versions: [] })

export type BookResult = { ok: true, book: LedgerBook, version: LedgerVersion } | { ok: false, message: string }

/** A new import is a draft; a draft of the same period still waiting is replaced (discarded). */
export function addDraft (
  book: LedgerBook,
  imported: LedgerImport,
  meta: { source: string, by: string, at: Date }
): { book: LedgerBook, version: LedgerVersion } {
  const version: LedgerVersion = {
    id: book.versions.reduce((max, v) => Math.max(max, v.id), 0) + 1,
    period: imported.period,
    status: 'draft',
    entries: imported.entries,
    opening: imported.opening,
    source: meta.source,
    importedBy: meta.by,
    importedAt: meta.at.toISOString()
  }
  const versions = book.versions.map(v =>
    v.period === imported.period && v.status === 'draft' ? { ...v, status: 'discarded' as const } : v)
  return { book: { versions: [...versions, version] }, version }
}

const accountsKey = (v: Pick<LedgerVersion, 'entries' | 'opening'>): string => JSON.stringify({
  // the spreadsheet row an entry came from is not part of the accounts
  entries: v.entries.map(({ row: _row, ...entry }) => entry),
  opening: Object.fromEntries(Object.entries(v.opening).sort())
})

/** Whether two imports hold exactly the same accounts: a "correction" of nothing is refused. */
export function sameAccounts (a: Pick<LedgerVersion, 'entries' | 'opening'>, b: Pick<LedgerVersion, 'entries' | 'opening'>): boolean {
  return accountsKey(a) === accountsKey(b)
}

export const NO_CHANGE = '与已公示的版本完全相同，没有需要更正的内容'

export function publishedVersion (book: LedgerBook, period: PeriodId): LedgerVersion | undefined {
  return book.versions.find(v => v.period === period && v.status === 'published')
}

/** The newest waiting draft, of any period. */
export function latestDraft (book: LedgerBook): LedgerVersion | undefined {
  return book.versions.filter(v => v.status === 'draft').at(-1)
}

/** Published versions, newest period last. */
export function publishedVersions (book: LedgerBook): LedgerVersion[] {
  return book.versions.filter(v => v.status === 'published').sort((a, b) => a.period.localeCompare(b.period))
}

/**
 * The chair confirms a draft. Over an already published period it becomes a correction:
 * a 更正说明 is then required and the old version is kept, marked superseded.
 */
export function publishDraft (
  book: LedgerBook,
  draftId: number,
  meta: { by: string, at: Date, correctionNote?: string, opening?: ResolvedOpening }
): BookResult {
  const draft = book.versions.find(v => v.id === draftId)
  if (draft === undefined || draft.status !== 'draft') return { ok: false, message: '没有待确认的草稿' }
  const previous = publishedVersion(book, draft.period)
  const note = meta.correctionNote?.trim()
  if (previous !== undefined && sameAccounts(previous, draft)) return { ok: false, message: `${NO_CHANGE}（第${previous.id}版）` }
  if (previous !== undefined && (note === undefined || note === '')) {
    return { ok: false, message: '这一期已经公示过，重新发布属于更正，请写明更正说明' }
  }
  const published: LedgerVersion = {
    ...draft,
    status: 'published',
    publishedBy: meta.by,
    publishedAt: meta.at.toISOString(),
    ...(meta.opening !== undefined && { openingAtPublication: meta.opening }),
    ...(previous !== undefined && { corrects: previous.id, correctionNote: note })
  }
  const versions = book.versions.map(v => {
    if (v.id === draft.id) return published
    if (v.id === previous?.id) return { ...v, status: 'superseded' as const, supersededBy: draft.id }
    return v
  })
  return { ok: true, book: { versions }, version: published }
}
