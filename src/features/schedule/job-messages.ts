import type { App } from '../../app/types.js'
import { lastCompletePeriod } from '../../ledger/period.js'
import { publishedVersion } from '../../ledger/ledger-book.js'
import { JOB_SPECS, type JobId } from '../../schedule/calendar-jobs.js'
import type { DueSend } from '../../schedule/occurrence-ledger.js'
import type { Calendar } from '../../schedule/calendar-schema.js'
import { DAY_MS, formatChineseDateTime, fromShanghai, shanghaiDate, shanghaiParts } from '../../clock/shanghai-time.js'
import { jointAgendaLines, ticketStatsText } from '../complaints/agenda.js'
import { openDisclosure } from '../disclosure/disclosure-store.js'
import { postStatement } from '../disclosure/statement-post.js'
import { openSurvey } from '../survey/survey-store.js'
import { meetingsInRange } from '../meetings/meetings-store.js'
import { sendToTarget, type Content } from './targets.js'

// What each calendar job says, as data keyed by job id. A job either returns the messages to
// send to every target, or delivers itself (the fund statement, which has its own record of
// what was posted) and returns undefined.

export interface JobRun {
  /** messages for each target; undefined when `deliver` handled it */
  content?: Content[]
  /** when set, the job cannot run now: the chair is told this instead */
  problem?: string
}

/** A job whose message is these lines, to every target. */
const notice = (...lines: string[]): JobRun => ({ content: [{ text: lines.join('\n') }] })

type JobBuilder = (app: App, calendar: Calendar, at: Date) => Promise<JobRun>

function eventLine (at: Date, afterDays: number, time: string): string {
  const day = new Date(at.getTime() + afterDays * DAY_MS)
  const p = shanghaiParts(day)
  const weekday = formatChineseDateTime(day).match(/（周.）/)?.[0] ?? ''
  return `${p.year}年${p.month}月${p.day}日${weekday}${time}`
}

const quarterOf = (at: Date): { year: number, quarter: number } => {
  // the reminder on the 1st of a quarter is about the quarter just ended
  const p = shanghaiParts(new Date(at.getTime() - DAY_MS))
  return { year: p.year, quarter: Math.floor((p.month - 1) / 3) + 1 }
}

const BUILDERS: Record<Exclude<JobId, 'fund_statement'>, JobBuilder> = {
  async work_report_reminder (app, _calendar, at) {
    const { year, quarter } = quarterOf(at)
    const from = fromShanghai(year, (quarter - 1) * 3 + 1, 1)
    const meetings = await meetingsInRange(app, from, at)
    const stats = await ticketStatsText(app, { label: `${year}年第${quarter}季度`, start: from, end: at })
    const lines = meetings.length > 0
      ? meetings.map(m => `  · ${formatChineseDateTime(new Date(m.at), false)} ${m.type}：${m.topic}${m.status === 'cancelled' ? '（已取消）' : ''}`)
      : ['  · 本季度没有通过本助手登记的会议']
    return notice(
      `【提醒】请业委会出具${year}年第${quarter}季度书面工作报告，向业主报告工作开展情况。`,
      `依据：${JOB_SPECS.work_report_reminder.source}`,
      '草稿素材——本季度登记的会议：',
      ...lines,
      '草稿素材——本季度投诉工单：',
      ...stats.split('\n').map(l => `  ${l}`),
      '报告定稿后请由主任发到业主群。'
    )
  },
  async reception_day_notice (app, calendar, at) {
    const e = calendar.reception_day_notice.event
    return notice(
      `【${app.compound.name}业委会接待日】`,
      `时间：${eventLine(at, e.after_days, e.time)}`,
      `地点：${e.place}`,
      '业委会成员当面听取业主的意见和建议，并做好记录。有事可先私信本助手，接待日当面反映。'
    )
  },
  async joint_meeting_notice (app, calendar, at) {
    const e = calendar.joint_meeting_notice.event
    const agenda = await jointAgendaLines(app)
    return notice(
      '【四位一体联席会议通知】',
      `时间：${eventLine(at, e.after_days, e.time)}`,
      `地点：${e.place}`,
      '主持：社区党组织书记（或其指定的负责人）',
      '参加：居委会、业委会、物业服务企业小区经理及有关人员',
      '议程：1. 上月联席会议决定的落实情况；2. 涉及多方、需共同协商的事项；3. 其他需要协调的问题。',
      agenda.length > 0 ? `待议工单（逾期警示、多方推诿、业主不满意）：\n${agenda.map(l => `  ${l}`).join('\n')}` : '待议工单：暂无。',
      '请各方在会前一天把需要协调的事项发到本群。'
    )
  },
  async committee_meeting_reminder (_app, calendar, at) {
    const e = calendar.committee_meeting_reminder.event
    return notice(
      '【业委会例会提醒】',
      `本月工作例会：${eventLine(at, e.after_days, e.time)}，${e.place}`,
      '请各位委员准时参加；议题请提前发到群里。会议决定应告知居委会并及时公告。'
    )
  },
  async opinion_survey (app, calendar, at) {
    const invitation = await openSurvey(app, at, calendar.opinion_survey.open_days)
    return notice(invitation)
  }
}

/**
 * Builds the job's messages once per occurrence. The fund statement is special: it posts the
 * published version of the half-year just ended, or tells the chair there is none yet.
 */
export async function runJob (app: App, calendar: Calendar, job: JobId, at: Date): Promise<JobRun> {
  if (job !== 'fund_statement') return await BUILDERS[job](app, calendar, at)
  const period = lastCompletePeriod(shanghaiDate(at))
  const store = await openDisclosure(app)
  if (publishedVersion(store.data.book, period.id) === undefined) {
    const p = shanghaiParts(at)
    const draft = store.data.book.versions.find(v => v.period === period.id && v.status === 'draft')
    return {
      problem: `按日程${p.month}月${p.day}日应公示${period.label}维修资金和公共收益收支，但账目还没有经主任确认发布。` +
        (draft !== undefined
          ? `财务已导入第${draft.id}版草稿，请您发送「/公示 预览」核对，无误后发送「/公示 发布」，我会立即发到业主群。`
          : '请财务私聊我发送账目表，您核对后发送「/公示 发布」，我会立即发到业主群。')
    }
  }
  return {}
}

/**
 * Sends one due target its messages; false when there was nothing to send (no data, or the
 * statement was already posted there when the chair published it late). Keyed by the
 * occurrence and target, so a replay after a crash queues nothing twice.
 */
export async function deliverJob (app: App, send: DueSend, run: JobRun): Promise<boolean> {
  if (run.problem !== undefined) return false
  if (send.job === 'fund_statement') {
    const store = await openDisclosure(app)
    const version = publishedVersion(store.data.book, lastCompletePeriod(shanghaiDate(send.scheduledAt)).id)
    return version !== undefined && (await postStatement(app, store, version, [send.target])).length > 0
  }
  const parts = run.content ?? []
  await Promise.all(parts.map(async (part, n) => await sendToTarget(app, send.target, part, { key: `schedule:${send.key}:${send.target}:${n}` })))
  return true
}
