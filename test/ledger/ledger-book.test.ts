import { describe, expect, it } from 'vitest'
import { addDraft, emptyBook, latestDraft, publishDraft, publishedVersion } from '../../src/ledger/ledger-book.js'
import { buildStatement } from '../../src/ledger/build-statement.js'
import { renderStatementText } from '../../src/ledger/render-statement-text.js'
import { entry, imported } from './ledger-helpers.js'

const at = (iso: string): Date => new Date(iso)
const meta = { source: 'a.xlsx', by: 'treasurer-1', at: at('2027-01-02T02:00:00Z') }

describe('ledger versions', () => {
  it('keeps an import as a draft until the chair confirms it', () => {
    const { book, version } = addDraft(emptyBook(), imported([entry('公共收益', '收入', 1000, '场地费')]), meta)
    expect(version.status).toBe('draft')
    expect(publishedVersion(book, '2026H2')).toBeUndefined()
    const result = publishDraft(book, version.id, { by: 'chair', at: at('2027-01-03T01:00:00Z') })
    expect(result.ok && result.version).toMatchObject({ status: 'published', publishedBy: 'chair', publishedAt: '2027-01-03T01:00:00.000Z' })
    expect(result.ok && publishedVersion(result.book, '2026H2')?.id).toBe(version.id)
  })

  it('replaces a waiting draft of the same period with a newer import', () => {
    const first = addDraft(emptyBook(), imported([entry('公共收益', '收入', 1000, '场地费')]), meta)
    const second = addDraft(first.book, imported([entry('公共收益', '收入', 2000, '场地费')]), meta)
    expect(second.book.versions.map(v => v.status)).toEqual(['discarded', 'draft'])
    expect(latestDraft(second.book)?.id).toBe(second.version.id)
    expect(publishDraft(second.book, first.version.id, { by: 'chair', at: meta.at }).ok).toBe(false)
  })

  it('publishes a correction as a new 更正 version and keeps the old figures untouched', () => {
    const first = addDraft(emptyBook(), imported([entry('公共收益', '收入', 1000, '场地费')]), meta)
    const published = publishDraft(first.book, first.version.id, { by: 'chair', at: meta.at })
    if (!published.ok) throw new Error(published.message)
    const original = structuredClone(published.version)

    const fix = addDraft(published.book, imported([entry('公共收益', '收入', 1200, '场地费')]), meta)
    const silent = publishDraft(fix.book, fix.version.id, { by: 'chair', at: meta.at })
    expect(silent).toEqual({ ok: false, message: '这一期已经公示过，重新发布属于更正，请写明更正说明' })

    const corrected = publishDraft(fix.book, fix.version.id, { by: 'chair', at: meta.at, correctionNote: '场地费少记200元' })
    if (!corrected.ok) throw new Error(corrected.message)
    expect(corrected.version).toMatchObject({ status: 'published', corrects: first.version.id, correctionNote: '场地费少记200元' })
    const old = corrected.book.versions.find(v => v.id === first.version.id)
    expect(old).toEqual({ ...original, status: 'superseded', supersededBy: fix.version.id })
    expect(publishedVersion(corrected.book, '2026H2')?.id).toBe(fix.version.id)

    const text = renderStatementText(buildStatement(corrected.book, corrected.version), { compoundName: '阳光花园' })
    expect(text).toContain(`〔更正〕本版更正此前公示的第${first.version.id}版。更正说明：场地费少记200元`)
    expect(text).toContain('¥12.00')
  })
})
