import type { App, Feature, FeatureFactory, MessageContext, Undelivered } from '../../app/types.js'
import { latestDraft, NO_CHANGE, publishedVersion, publishedVersions, type LedgerVersion } from '../../ledger/ledger-book.js'
import { publishVersion, staleFollower } from '../../ledger/publish-version.js'
import { periodFromId } from '../../ledger/period.js'
import { formatChineseDateTime } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { readCalendar } from '../schedule/read-calendar.js'
import { describeTarget, resolveAudiences, type Content } from '../schedule/targets.js'
import { openDisclosure, type DisclosureData } from './disclosure-store.js'
import { importLedgerFile, isSpreadsheet, sendPreviewToChair } from './import-ledger.js'
import { balanceReply } from './render-balance.js'
import { postStatement, statementContent, statementDueAt, undeliveredParts } from './statement-post.js'

const USAGE = [
  '用法：',
  '/公示 预览 —— 查看待确认的草稿',
  '/公示 发布 —— 确认发布草稿；更正已公示的账目时写明更正说明，例如：/公示 发布 8月临时停车费少记100元',
  '/公示 补发 —— 把最新发布的公示立即发到还没收到的业主群，并重发上次未能确认送达的部分（已确认的不会重复）'
].join('\n')

/**
 * Maintenance fund and public income disclosure: treasurers send spreadsheets privately,
 * the chair previews and publishes, owners see only published figures.
 */
export const disclosureFeature: FeatureFactory = (app): Feature => {
  let opened: Promise<Store<DisclosureData>> | undefined
  const store = async (): Promise<Store<DisclosureData>> => await (opened ??= openDisclosure(app))

  return {
    name: 'disclosure',
    async start () {
      // drafts imported with `npm run ledger -- import` while the bot was stopped
      const s = await store()
      for (const draft of s.data.book.versions.filter(v => v.status === 'draft' && !s.data.previewed.includes(v.id))) {
        await sendPreviewToChair(app, s, draft)
      }
    },
    async handleFile (ctx, file) {
      if (!isSpreadsheet(file.name)) return false
      if (!ctx.has('treasurer')) {
        await ctx.reply('只有财务或业委会主任可以导入收支账目。如需公示账目，请联系业委会。')
        return true
      }
      await importLedgerFile(ctx, await store(), file)
      return true
    },
    commands: [
      {
        names: ['公示', 'disclose'],
        roles: ['chair'],
        audited: true,
        summary: '预览、发布或补发维修资金和公共收益收支公示（主任）',
        example: '/公示 发布',
        async run (ctx, { args }) {
          const [action, ...rest] = args
          const s = await store()
          if (action === '预览') return await preview(ctx, s)
          if (action === '发布') return await publish(app, ctx, s, rest.join(' '))
          if (action === '补发') return await repost(app, ctx, s)
          await ctx.reply(USAGE)
        }
      },
      {
        names: ['余额', 'balance'],
        roles: ['owner'],
        summary: '查看最新公示的维修资金和公共收益余额',
        example: '/余额',
        async run (ctx) {
          await store()
          await ctx.reply(await balanceReply(app))
        }
      }
    ]
  }
}

async function toTalker (ctx: MessageContext, parts: Content[]): Promise<void> {
  for (const part of parts) await ctx.app.outbox.toContact({ contactId: ctx.talker.id, ...part })
  if (!ctx.isPrivate) await ctx.reply('已私聊发给您。')
}

async function preview (ctx: MessageContext, s: Store<DisclosureData>): Promise<void> {
  const draft = latestDraft(s.data.book)
  if (draft !== undefined) return await toTalker(ctx, await statementContent(ctx.app, s.data, draft, true))
  const latest = publishedVersions(s.data.book).at(-1)
  if (latest === undefined) return await ctx.reply('没有待确认的草稿。财务私聊我发送账目表（.xlsx 或 .csv）后，我会把预览发给您。')
  await toTalker(ctx, [{ text: `没有待确认的草稿。以下是已发布的第${latest.id}版：` }, ...await statementContent(ctx.app, s.data, latest)])
}

async function publish (app: App, ctx: MessageContext, s: Store<DisclosureData>, note: string): Promise<void> {
  const draft = latestDraft(s.data.book)
  if (draft === undefined) return await ctx.reply('没有待确认的草稿。财务私聊我发送账目表后，我会先把预览发给您。')
  const corrected = publishedVersion(s.data.book, draft.period)
  const now = app.clock.now()
  const result = publishVersion(s.data.book, draft.id, { by: ctx.talker.id, at: now, ...(note !== '' && { correctionNote: note }) })
  if (!result.ok) return await ctx.reply(result.message.startsWith(NO_CHANGE) ? `${result.message}。草稿未发布。` : `${result.message}，例如：/公示 发布 8月临时停车费少记100元`)
  s.update(d => { d.book = result.book })
  await s.flush()
  const label = periodFromId(draft.period)?.label ?? draft.period
  const follower = staleFollower(s.data.book, result.version)
  if (follower !== undefined) {
    const next = periodFromId(follower.period)?.label ?? follower.period
    await ctx.reply(`注意：${next}已发布的第${follower.id}版，期初余额是按更正前的数字结转的，与本次更正后的期末余额不一致；` +
      `为不改动业主已看到的数字，该版保持不变。请财务重新导入${next}账目，您再作为更正发布。`)
  }
  const due = statementDueAt(readCalendar(app), draft.period)
  const wasPosted = corrected !== undefined && Object.keys(s.data.posts[String(corrected.id)] ?? {}).length > 0
  // a correction of figures owners have seen, or a statement whose date has passed, goes out now
  if (wasPosted || due === undefined || due.getTime() <= now.getTime()) {
    return await postNow(app, ctx, s, result.version, label)
  }
  await ctx.reply(`已发布${label}收支账目（第${draft.id}版）。将于${formatChineseDateTime(due)}按日程公示到业主群；业主现在发送 /余额 可查看余额。`)
}

async function repost (app: App, ctx: MessageContext, s: Store<DisclosureData>): Promise<void> {
  const latest = publishedVersions(s.data.book).at(-1)
  if (latest === undefined) return await ctx.reply('还没有经您确认发布的收支公示，没有可补发的内容。')
  const label = periodFromId(latest.period)?.label ?? latest.period
  const targets = (await resolveAudiences(app)).owner_groups
  // What a stop caught mid-send (or WeChat refused) is resent exactly; nothing confirmed is repeated.
  const parts = undeliveredParts(app, latest.id)
  if (parts.length === 0 && targets.every(t => s.data.posts[String(latest.id)]?.[t] !== undefined)) {
    return await ctx.reply(`${label}收支公示（第${latest.id}版）已经发到所有业主群，不再重复发送。`)
  }
  app.outbox.retry(parts.map(p => p.id))
  await postNow(app, ctx, s, latest, label, '补发', parts)
}

async function postNow (app: App, ctx: MessageContext, s: Store<DisclosureData>, version: LedgerVersion, label: string, verb = '发布',
  resent: Undelivered[] = []): Promise<void> {
  const targets = (await resolveAudiences(app)).owner_groups
  const done = await postStatement(app, s, version, targets)
  const names = await Promise.all(done.map(async t => await describeTarget(app, t)))
  const repaired = await Promise.all([...new Set(resent.map(u => u.target))].map(async t => await describeTarget(app, t)))
  const kind = version.corrects !== undefined ? `更正公示（第${version.id}版，更正第${version.corrects}版）` : `收支公示（第${version.id}版）`
  if (names.length === 0 && repaired.length === 0) {
    return await ctx.reply(`已${verb}${label}${kind}，但没有找到业主群，未能发出。请检查小区配置的 owner_groups。`)
  }
  await ctx.reply([
    `已${verb}${label}${kind}${names.length > 0 ? `，正在发到：${names.join('、')}` : ''}。`,
    ...(repaired.length > 0 ? [`上次未能确认送达的${resent.length}条消息，正在重发到：${repaired.join('、')}（已确认送达的部分不重复）。`] : [])
  ].join('\n'))
}
