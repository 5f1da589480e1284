import { formatChineseDateTime } from '../schedule/shanghai-time.js'
import type { MeetingDraft } from './parse-meeting-command.js'
import { MEETING_TYPE_SPECS } from './meeting-types.js'
import { REMINDERS, type ReminderKind } from './meeting-reminders.js'

function title (meeting: MeetingDraft): string {
  return meeting.extraordinary !== undefined ? `${meeting.type}（临时会议）` : meeting.type
}

/** The first notice, posted when the meeting is created. */
/** `botName` is how owners @-mention the bot in a group to say 收到. */
export function renderMeetingNotice (meeting: MeetingDraft & { id: number }, botName = '小区助手'): string {
  const rule = MEETING_TYPE_SPECS[meeting.type].rule
  return [
    `【会议通知 #${meeting.id}】${title(meeting)}`,
    `时间：${formatChineseDateTime(meeting.at)}`,
    `地点：${meeting.place}`,
    `议题：${meeting.topic}`,
    ...(meeting.extraordinary !== undefined ? [`临时召开原因：${meeting.extraordinary.reason}`] : []),
    ...(rule !== undefined && meeting.extraordinary === undefined ? [`（${rule}）`] : []),
    `请相互转告。看到通知请 @${botName} 回复「收到」。`
  ].join('\n')
}

export function renderMeetingReminder (meeting: MeetingDraft & { id: number }, kind: ReminderKind, botName = '小区助手'): string {
  const label = REMINDERS.find(r => r.kind === kind)?.label ?? ''
  return [
    `【会议提醒 #${meeting.id}】${title(meeting)}${label}召开`,
    `时间：${formatChineseDateTime(meeting.at)}`,
    `地点：${meeting.place}`,
    `议题：${meeting.topic}`,
    `请准时参加。看到提醒请 @${botName} 回复「收到」。`
  ].join('\n')
}

export function renderMeetingCancellation (meeting: MeetingDraft & { id: number }, reason?: string): string {
  return [
    `【会议取消 #${meeting.id}】原定${formatChineseDateTime(meeting.at)}在${meeting.place}召开的${title(meeting)}取消。`,
    `议题：${meeting.topic}`,
    ...(reason !== undefined && reason !== '' ? [`取消原因：${reason}`] : []),
    '如有疑问请联系业委会。'
  ].join('\n')
}
