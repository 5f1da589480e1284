import { calendarDaysBetween, formatChineseDateTime, fromShanghai, shanghaiParts } from '../clock/shanghai-time.js'
import type { MeetingDraft } from './parse-meeting-command.js'
import { MEETING_TYPE_SPECS } from './meeting-types.js'

export type NoticeCheck = { ok: true } | { ok: false, message: string }

const MAX_AHEAD_DAYS = 366

/**
 * Whether a meeting can be announced now. Every owners' assembly, 临时 or not, needs 15 days'
 * notice (物业管理条例 第十四条; counted in calendar days, Shanghai time: announced on Jan 5, it
 * can meet on Jan 20). A reason for an extraordinary meeting does not shorten it.
 */
export function checkMeetingNotice (draft: MeetingDraft, now: Date): NoticeCheck {
  if (draft.at.getTime() <= now.getTime()) {
    return { ok: false, message: `会议时间 ${formatChineseDateTime(draft.at)} 已经过去，请检查日期和时间。` }
  }
  const days = calendarDaysBetween(now, draft.at)
  if (days > MAX_AHEAD_DAYS) return { ok: false, message: '会议时间在一年以后，请检查年份。' }
  const spec = MEETING_TYPE_SPECS[draft.type]
  if (spec.minNoticeDays !== undefined && days < spec.minNoticeDays) {
    const today = shanghaiParts(now)
    const earliest = fromShanghai(today.year, today.month, today.day + spec.minNoticeDays, shanghaiParts(draft.at).hour, shanghaiParts(draft.at).minute)
    return {
      ok: false,
      message: `无法发出通知：${draft.extraordinary !== undefined ? '临时' : ''}${draft.type}距今只有${days}天，不足${spec.minNoticeDays}天。\n` +
        `${spec.rule ?? ''}\n` +
        `今天通知，最早可在 ${formatChineseDateTime(earliest)} 召开。`
    }
  }
  return { ok: true }
}
