import { formatChineseDateTime } from '../clock/shanghai-time.js'
import type { MeetingDraft } from './parse-meeting-command.js'
import { MEETING_TYPE_SPECS } from './meeting-types.js'
import { timeToGo } from './meeting-reminders.js'

function title (meeting: MeetingDraft): string {
  return meeting.extraordinary !== undefined ? `${meeting.type}（临时会议）` : meeting.type
}

// A bare 收到 in a group reaches the bot and is counted without a reply, so nobody has to
// @-mention the bot and the group is not flooded with confirmations.
const ACK_LINE = '看到请回复「收到」，便于统计通知到位情况。'

/** The first notice, posted when the meeting is created. */
export function renderMeetingNotice (meeting: MeetingDraft & { id: number }): string {
  const rule = MEETING_TYPE_SPECS[meeting.type].rule
  return [
    `【会议通知 #${meeting.id}】${title(meeting)}`,
    `时间：${formatChineseDateTime(meeting.at)}`,
    `地点：${meeting.place}`,
    `议题：${meeting.topic}`,
    ...(meeting.extraordinary !== undefined ? [`临时召开原因：${meeting.extraordinary.reason}`] : []),
    ...(rule !== undefined && meeting.extraordinary === undefined ? [`（${rule}）`] : []),
    `请相互转告。${ACK_LINE}`
  ].join('\n')
}

/** A reminder, worded for the moment it is sent (`now`). */
export function renderMeetingReminder (meeting: MeetingDraft & { id: number }, now: Date): string {
  return [
    `【会议提醒 #${meeting.id}】${title(meeting)}${timeToGo(meeting.at, now)}召开`,
    `时间：${formatChineseDateTime(meeting.at)}`,
    `地点：${meeting.place}`,
    `议题：${meeting.topic}`,
    `请准时参加。${ACK_LINE}`
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
