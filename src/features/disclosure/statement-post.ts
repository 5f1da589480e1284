import type { App } from '../../app/types.js'
import { buildStatement } from '../../ledger/build-statement.js'
import { publishedVersion, type LedgerVersion } from '../../ledger/ledger-book.js'
import { compareStatements } from '../../ledger/compare-statements.js'
import { periodFromId } from '../../ledger/period.js'
import { renderStatementMessages } from '../../ledger/render-statement-text.js'
import type { Calendar } from '../../schedule/calendar-schema.js'
import { cronTimesBetween } from '../../schedule/cron-times.js'
import { DAY_MS, fromShanghai, shanghaiDate } from '../../clock/shanghai-time.js'
import type { Signatures } from '../../ledger/render-statement-image.js'
import type { Store } from '../../storage/storage.js'
import { sendToTarget, type Content } from '../schedule/targets.js'
import type { DisclosureData } from './disclosure-store.js'

/** The version a correction replaces: the one it corrected, or (for a draft) the one now published for its period. */
function replacedVersion (data: DisclosureData, version: LedgerVersion): LedgerVersion | undefined {
  if (version.corrects !== undefined) return data.book.versions.find(v => v.id === version.corrects)
  return version.status === 'draft' ? publishedVersion(data.book, version.period) : undefined
}

const personName = (app: App, id: string | undefined, role: string): string =>
  id === undefined || id === 'cli' ? role : app.roles.nameOf(id) ?? role

/** 制表 / 审核 on the table: the treasurer who imported the version and the chair who published it, with dates. */
function signaturesOf (app: App, version: LedgerVersion): Signatures {
  return {
    preparedBy: personName(app, version.importedBy, '财务'),
    preparedOn: shanghaiDate(new Date(version.importedAt)),
    ...(version.publishedAt !== undefined && {
      reviewedBy: personName(app, version.publishedBy, '业委会主任'),
      reviewedOn: shanghaiDate(new Date(version.publishedAt))
    })
  }
}

/** The statement of a version as WeChat messages: the text, then the PNG table. */
export async function statementContent (app: App, data: DisclosureData, version: LedgerVersion, preview = false): Promise<Content[]> {
  const statement = buildStatement(data.book, version)
  const old = replacedVersion(data, version)
  const options = {
    compoundName: app.compound.name,
    preview,
    signatures: signaturesOf(app, version),
    ...(old !== undefined && { replaces: { versionId: old.id, changes: compareStatements(buildStatement(data.book, old), statement) } })
  }
  // The canvas and its 35 MB font load on the first statement, not at every start.
  const { renderStatementImage } = await import('../../ledger/render-statement-image.js')
  const png = renderStatementImage(statement, options)
  const kind = preview ? '草稿' : version.corrects !== undefined ? '更正' : '公示'
  return [
    ...renderStatementMessages(statement, options).map(text => ({ text })),
    { file: { name: `收支${kind}-${version.period}-第${version.id}版.png`, base64: png.toString('base64') } }
  ]
}

/** When the calendar posts a period's statement: the first fund-statement time after the period ends. */
export function statementDueAt (calendar: Calendar, periodId: string): Date | undefined {
  const period = periodFromId(periodId)
  if (period === undefined || !calendar.fund_statement.enabled) return undefined
  const [y, m, d] = period.end.split('-').map(Number) as [number, number, number]
  const end = fromShanghai(y, m, d + 1)
  return cronTimesBetween(calendar.fund_statement.cron, end, new Date(end.getTime() + 200 * DAY_MS), 1)[0]
}

/**
 * Posts a published version to each target once. Each target is marked and the file written
 * before the hand-off to the outbox, so a restart never posts a version twice to one group.
 * Returns the targets handed off now.
 */
export async function postStatement (app: App, store: Store<DisclosureData>, version: LedgerVersion, targets: string[]): Promise<string[]> {
  const todo = targets.filter(t => store.data.posts[String(version.id)]?.[t] === undefined)
  if (todo.length === 0) return []
  const content = await statementContent(app, store.data, version)
  const done: string[] = []
  for (const target of todo) {
    store.update(d => { (d.posts[String(version.id)] ??= {})[target] = 'sent' })
    await store.flush()
    for (const part of content) await sendToTarget(app, target, part)
    done.push(target)
  }
  return done
}
