import type { JobId } from '../../schedule/calendar-jobs.js'
import { JOB_SPECS } from '../../schedule/calendar-jobs.js'
import type { MissedOccurrence } from '../../schedule/occurrence-ledger.js'
import { shanghaiParts } from '../../clock/shanghai-time.js'

// What the chair can still do about each calendar job that went unsent, as data. The chair is
// not technical: every line says what was missed and which command makes up for it.
const REMEDY: Record<JobId, string> = {
  fund_statement: '账目已发布的，发送「/公示 补发」立即发到业主群；还没发布的，发布（/公示 发布）后会立即发出。',
  work_report_reminder: '请业委会照常出具本季度书面工作报告。',
  reception_day_notice: '如本月接待日照常举行，可发送「/会议 新建 接待日 日期 时间 地点 接待业主」通知业主。',
  joint_meeting_notice: '可发送「/会议 新建 联席会议 日期 时间 地点 议题」通知四位一体工作群。',
  committee_meeting_reminder: '可发送「/会议 新建 业委会例会 日期 时间 地点 议题」通知委员。',
  opinion_survey: '可发送「/征询 发起 14」补发本期意见征询（征询14天）。'
}

const SHOWN_DATES = 3

function dates (missed: MissedOccurrence[]): string {
  const days = missed.map(m => {
    const p = shanghaiParts(m.scheduledAt)
    return `${p.year}年${p.month}月${p.day}日`
  })
  return days.length <= SHOWN_DATES ? days.join('、') : `${days.slice(0, SHOWN_DATES).join('、')}等${days.length}次`
}

function byJob (missed: MissedOccurrence[]): Array<[JobId, MissedOccurrence[]]> {
  const groups = new Map<JobId, MissedOccurrence[]>()
  for (const m of missed) groups.set(m.job, [...(groups.get(m.job) ?? []), m])
  return [...groups.entries()]
}

/**
 * One message for the chair after a stop (or a configuration problem): what was not sent, per
 * job with its dates, and what to do about it. Undefined when there is nothing to report.
 */
export function renderMissedReport (tooLate: MissedOccurrence[], unroutable: MissedOccurrence[]): string | undefined {
  if (tooLate.length === 0 && unroutable.length === 0) return undefined
  const late = byJob(tooLate).flatMap(([job, list]) => [`· ${JOB_SPECS[job].label}（原定${dates(list)}）`, `  ${REMEDY[job]}`])
  const lost = byJob(unroutable).map(([job, list]) => `· ${JOB_SPECS[job].label}（${dates(list)}）：找不到要发往的群或联系人，请检查小区配置。`)
  return [
    ...(late.length > 0
      ? ['【日程提醒】机器人停机期间错过了下面的日程消息。停机太久，已过了补发时限，为免发出过时的通知，没有补发：', ...late]
      : []),
    ...(lost.length > 0 ? ['【日程提醒】下面的日程消息没有发出：', ...lost] : [])
  ].join('\n')
}
