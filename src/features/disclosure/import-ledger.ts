import type { App, MessageContext } from '../../app/types.js'
import { addDraft, NO_CHANGE, publishedVersion, sameAccounts, type LedgerVersion } from '../../ledger/ledger-book.js'
import { buildStatement } from '../../ledger/build-statement.js'
import { importWarnings, statementWarnings } from '../../ledger/import-warnings.js'
import { periodFromId } from '../../ledger/period.js'
import { renderLedgerErrors } from '../../ledger/render-ledger-errors.js'
import { shanghaiDate } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { notifyChair } from '../schedule/targets.js'
import type { DisclosureData } from './disclosure-store.js'
import { statementContent } from './statement-post.js'

const SPREADSHEET = /\.(xlsx|csv|xls)$/i

export const isSpreadsheet = (name: string): boolean => SPREADSHEET.test(name)

const bullets = (lines: string[]): string[] => lines.map(l => `· ${l}`)

/** A treasurer's file: all rows valid → a draft and a preview for the chair; otherwise every error and nothing stored. */
export async function importLedgerFile (
  ctx: MessageContext,
  store: Store<DisclosureData>,
  file: { name: string, base64: string }
): Promise<void> {
  const { app } = ctx
  // exceljs loads when a file arrives, not at every start.
  const parsed = await (await import('../../ledger/parse-ledger-file.js')).parseLedgerFile(file.name, Buffer.from(file.base64, 'base64'))
  if (!parsed.ok) {
    app.audit.record({ who: ctx.talker.id, action: '导入账目', args: file.name, result: `refused: ${parsed.errors.length} errors` })
    return await ctx.reply(renderLedgerErrors(file.name, parsed.errors))
  }
  const published = publishedVersion(store.data.book, parsed.value.period)
  if (published !== undefined && sameAccounts(published, parsed.value)) {
    app.audit.record({ who: ctx.talker.id, action: '导入账目', args: file.name, result: 'refused: no change' })
    return await ctx.reply(`「${file.name}」${NO_CHANGE}（第${published.id}版），未保存。如需更正，请改好后再发送。`)
  }
  const { version } = storeDraft(store, parsed.value, { source: file.name, by: ctx.talker.id, at: app.clock.now() })
  app.audit.record({ who: ctx.talker.id, action: '导入账目', args: file.name, result: `draft ${version.id}` })
  const warnings = draftWarnings(app, store, version)
  await ctx.reply([
    `已收到「${file.name}」：${periodFromId(version.period)?.label ?? version.period}共${version.entries.length}笔，` +
      `已存为第${version.id}版草稿，并发给业委会主任核对。主任确认发布前，业主看不到这些数字。`,
    ...bullets(parsed.notes),
    ...(warnings.length > 0 ? ['请留意：', ...bullets(warnings), '如有写错，改正后重新发送整个文件即可，新文件会替换这份草稿。'] : [])
  ].join('\n'))
  await sendPreviewToChair(app, store, version)
}

export function storeDraft (store: Store<DisclosureData>, imported: Parameters<typeof addDraft>[1], meta: Parameters<typeof addDraft>[2]): { version: LedgerVersion } {
  let version!: LedgerVersion
  store.update(d => {
    const result = addDraft(d.book, imported, meta)
    d.book = result.book
    version = result.version
  })
  return { version }
}

/** What the treasurer and the chair should check in a valid draft before it is published. */
function draftWarnings (app: App, store: Store<DisclosureData>, version: LedgerVersion): string[] {
  return [
    ...importWarnings(version, shanghaiDate(app.clock.now())),
    ...statementWarnings(buildStatement(store.data.book, version))
  ]
}

/** The chair sees the draft as owners would (text and table) before confirming it. */
export async function sendPreviewToChair (app: App, store: Store<DisclosureData>, version: LedgerVersion): Promise<void> {
  const previous = publishedVersion(store.data.book, version.period)
  const who = version.importedBy === 'cli' ? '财务（命令行导入）' : app.roles.nameOf(version.importedBy) ?? version.importedBy
  const warnings = draftWarnings(app, store, version)
  const intro = [
    `${who}导入了${periodFromId(version.period)?.label ?? version.period}的收支账目（第${version.id}版草稿，${version.entries.length}笔，来自「${version.source}」）。请核对：`,
    ...(warnings.length > 0 ? ['请留意：', ...bullets(warnings)] : []),
    ...(previous !== undefined
      ? [`注意：这一期已公示过第${previous.id}版，本版发布即为更正，旧版保留备查。与第${previous.id}版相比的变化见下面的预览。` +
        '发布时请写明更正说明，例如：/公示 发布 8月临时停车费少记100元']
      : ['核对无误请发送「/公示 发布」；有误请让财务改正后重新发送文件。'])
  ].join('\n')
  await notifyChair(app, [{ text: intro }, ...await statementContent(app, store.data, version, true)])
  store.update(d => { if (!d.previewed.includes(version.id)) d.previewed.push(version.id) })
}
