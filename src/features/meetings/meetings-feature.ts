import type { App, Feature, FeatureFactory, MessageContext } from '../../app/types.js'
import { checkMeetingNotice } from '../../meetings/check-meeting-notice.js'
import { dueReminder, reminderTimes } from '../../meetings/meeting-reminders.js'
import { MEETING_TYPE_SPECS } from '../../meetings/meeting-types.js'
import { MEETING_USAGE, parseMeetingCommand, type MeetingDraft } from '../../meetings/parse-meeting-command.js'
import { renderMeetingCancellation, renderMeetingNotice, renderMeetingReminder } from '../../meetings/render-meeting-notice.js'
import { formatChineseDateTime } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { bodyTargets, describeTarget, notifyChair, resolveAudiences } from '../schedule/targets.js'
import { ACK, acknowledge } from './acknowledge-meeting.js'
import { listMeetings } from './list-meetings.js'
import { openMeetings, type MeetingRecord, type MeetingsData } from './meetings-store.js'
import { sendMeetingMessage } from './send-meeting-message.js'

const asDraft = (m: MeetingRecord): MeetingDraft & { id: number } => ({
  id: m.id, type: m.type, at: new Date(m.at), place: m.place, topic: m.topic,
  ...(m.extraordinary !== undefined && { extraordinary: m.extraordinary })
})

/** `/会议 新建|列表|取消`, notices to the right groups, reminders at T-7d/T-1d/T-2h, and 收到 counts. */
export const meetingsFeature: FeatureFactory = (app): Feature => {
  let opened: Promise<Store<MeetingsData>> | undefined
  const store = async (): Promise<Store<MeetingsData>> => await (opened ??= openMeetings(app))

  return {
    name: 'meetings',
    commands: [{
      names: ['会议', 'meeting'],
      roles: ['owner'],
      summary: '会议通知：新建、列表、取消（新建和取消限业委会委员、党组织）',
      example: '/会议 新建 业主大会 2027-01-20 19:30 小区会所 审议物业服务合同续签',
      async run (ctx, { args, rest }) {
        const [action] = args
        const s = await store()
        if (action === '列表' || action === undefined) return await ctx.reply(await listMeetings(ctx, s.data))
        if (action !== '新建' && action !== '取消') return await ctx.reply(MEETING_USAGE)
        if (!ctx.has('committee') && !ctx.has('party')) {
          return await ctx.reply(`「/会议 ${action}」需要业委会委员或党组织身份。如有疑问请联系业委会主任。`)
        }
        const words = rest.slice(action.length).trim()
        app.audit.record({ who: ctx.talker.id, action: `/会议 ${action}`, args: words, result: 'requested' })
        if (action === '新建') return await createMeeting(app, ctx, s, words)
        await cancelMeeting(app, ctx, s, words)
      }
    }],
    async handle (ctx) {
      const match = ACK.exec(ctx.text)
      if (match === null) return false
      return await acknowledge(ctx, await store(), match[1] !== undefined ? Number(match[1]) : undefined)
    },
    async start () {
      await this.tick?.(app.clock.now())
    },
    async tick (now) {
      const s = await store()
      for (const meeting of s.data.meetings.filter(m => m.status === 'scheduled')) {
        const draft = asDraft(meeting)
        // a notice cut off by a restart is finished first
        if ((meeting.sent.notice?.length ?? 0) < meeting.targets.length && draft.at > now) {
          await sendMeetingMessage(app, s, meeting.id, 'notice', renderMeetingNotice(draft))
        }
        const { send, skip } = dueReminder(draft.at, meeting.reminders, now)
        if (skip.length > 0) s.update(() => { for (const k of skip) meeting.reminders[k] = 'skipped' })
        if (send === undefined) continue
        await sendMeetingMessage(app, s, meeting.id, send, renderMeetingReminder(draft, now))
        s.update(() => { meeting.reminders[send] = 'sent' })
        // the chair hears the 收到 count once, the day before (or at the last reminder when there is no such one)
        if (send === 'T-1d' || (send === 'T-2h' && meeting.reminders['T-1d'] !== 'sent')) {
          await notifyChair(app, {
            text: `会议#${meeting.id}（${meeting.type}${meeting.extraordinary !== undefined ? '，临时' : ''}，${formatChineseDateTime(draft.at)}）` +
              `已发出会前提醒；目前${meeting.acks.length}人回复「收到」。`
          })
        }
      }
      for (const meeting of s.data.meetings.filter(m => m.status === 'cancelled')) {
        if ((meeting.sent.cancel?.length ?? 0) < meeting.targets.length) {
          await sendMeetingMessage(app, s, meeting.id, 'cancel', renderMeetingCancellation(asDraft(meeting), meeting.cancelReason))
        }
      }
      await s.flush()
    }
  }
}

async function createMeeting (app: App, ctx: MessageContext, s: Store<MeetingsData>, words: string): Promise<void> {
  const now = app.clock.now()
  const parsed = parseMeetingCommand(words, now)
  if (!parsed.ok) return await ctx.reply(parsed.message)
  const check = checkMeetingNotice(parsed.draft, now)
  if (!check.ok) return await ctx.reply(check.message)
  const audiences = await resolveAudiences(app)
  const spec = MEETING_TYPE_SPECS[parsed.draft.type]
  const informed = (await Promise.all((spec.informBodies ?? []).map(async b => await bodyTargets(app, b)))).flat()
  const targets = [...new Set([...spec.audiences.flatMap(a => audiences[a]), ...informed])]
  if (targets.length === 0) return await ctx.reply('找不到这类会议要通知的群，请检查小区配置。')
  let meeting!: MeetingRecord
  s.update(d => {
    meeting = {
      id: d.nextId++,
      type: parsed.draft.type,
      at: parsed.draft.at.toISOString(),
      place: parsed.draft.place,
      topic: parsed.draft.topic,
      ...(parsed.draft.extraordinary !== undefined && { extraordinary: parsed.draft.extraordinary }),
      createdBy: ctx.talker.id,
      createdAt: now.toISOString(),
      status: 'scheduled',
      targets,
      reminders: Object.fromEntries(reminderTimes(parsed.draft.at, now).map(r => [r.kind, 'pending'])),
      sent: {},
      acks: []
    }
    d.meetings.push(meeting)
  })
  const sentTo = await sendMeetingMessage(app, s, meeting.id, 'notice', renderMeetingNotice(asDraft(meeting)))
  const names = await Promise.all(sentTo.map(async t => await describeTarget(app, t)))
  const reminders = reminderTimes(parsed.draft.at, now).map(r => formatChineseDateTime(r.at, false))
  await ctx.reply([
    `已建立会议#${meeting.id}并发出通知：${names.join('、')}。`,
    reminders.length > 0 ? `会前提醒：${reminders.join('；')}。` : '会议临近，不再另发提醒。',
    `取消请发送 /会议 取消 ${meeting.id}`
  ].join('\n'))
}

async function cancelMeeting (app: App, ctx: MessageContext, s: Store<MeetingsData>, words: string): Promise<void> {
  const [idText = '', ...reasonWords] = words.split(/\s+/)
  const meeting = s.data.meetings.find(m => m.id === Number(idText.replace(/^#/, '')))
  if (meeting?.status === 'cancelled') return await ctx.reply(`会议#${meeting.id}已经取消过了，不再重复通知。`)
  if (meeting !== undefined && new Date(meeting.at) <= app.clock.now()) {
    return await ctx.reply(`会议#${meeting.id}（${formatChineseDateTime(new Date(meeting.at))}）已经开始或开过了，不能再取消。`)
  }
  if (meeting === undefined) {
    return await ctx.reply(`没有找到会议「${idText}」。发送 /会议 列表 查看编号，例如 /会议 取消 3 场地冲突`)
  }
  const reason = reasonWords.join(' ').replace(/^(原因|理由)[:：]\s*/, '')
  s.update(() => {
    meeting.status = 'cancelled'
    if (reason !== '') meeting.cancelReason = reason
  })
  const sentTo = await sendMeetingMessage(app, s, meeting.id, 'cancel', renderMeetingCancellation(asDraft(meeting), meeting.cancelReason))
  const names = await Promise.all(sentTo.map(async t => await describeTarget(app, t)))
  await ctx.reply(`已取消会议#${meeting.id}，并通知：${names.join('、')}。`)
}
