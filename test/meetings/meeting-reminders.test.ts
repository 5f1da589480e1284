import { describe, expect, it } from 'vitest'
import { dueReminder, reminderTimes, timeToGo } from '../../src/meetings/meeting-reminders.js'
import { renderMeetingCancellation, renderMeetingNotice, renderMeetingReminder } from '../../src/meetings/render-meeting-notice.js'
import { MEETING_TYPE_SPECS } from '../../src/meetings/meeting-types.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)
const meetingAt = sh('2027-01-20T19:30:00')

describe('meeting reminders', () => {
  it('come 7 days, 1 day and 2 hours before', () => {
    expect(reminderTimes(meetingAt, sh('2027-01-05T10:00:00')).map(r => [r.kind, r.at.toISOString()])).toEqual([
      ['T-7d', sh('2027-01-13T19:30:00').toISOString()],
      ['T-1d', sh('2027-01-19T19:30:00').toISOString()],
      ['T-2h', sh('2027-01-20T17:30:00').toISOString()]
    ])
  })

  it('leave out reminders already passed when the meeting is announced', () => {
    expect(reminderTimes(meetingAt, sh('2027-01-17T10:00:00')).map(r => r.kind)).toEqual(['T-1d', 'T-2h'])
  })

  it('leave out a reminder that would follow the notice too closely', () => {
    // announced 8 days ahead: "7 days to go" the next day is noise
    expect(reminderTimes(meetingAt, sh('2027-01-12T19:30:00')).map(r => r.kind)).toEqual(['T-1d', 'T-2h'])
    expect(reminderTimes(meetingAt, sh('2027-01-11T19:30:00')).map(r => r.kind)).toEqual(['T-7d', 'T-1d', 'T-2h'])
    expect(reminderTimes(meetingAt, sh('2027-01-19T10:00:00')).map(r => r.kind)).toEqual(['T-2h'])
    expect(reminderTimes(meetingAt, sh('2027-01-20T17:00:00')).map(r => r.kind)).toEqual([])
  })

  it('say how far off the meeting is when they are sent, also when sent late', () => {
    expect(timeToGo(meetingAt, sh('2027-01-13T19:30:00'))).toBe('还有7天')
    expect(timeToGo(meetingAt, sh('2027-01-15T09:00:00'))).toBe('还有5天')
    expect(timeToGo(meetingAt, sh('2027-01-19T19:30:00'))).toBe('明天')
    expect(timeToGo(meetingAt, sh('2027-01-20T08:00:00'))).toBe('今天')
    expect(timeToGo(meetingAt, sh('2027-01-20T17:30:00'))).toBe('2小时后')
    expect(timeToGo(meetingAt, sh('2027-01-20T18:00:00'))).toBe('1小时30分钟后')
    expect(timeToGo(meetingAt, sh('2027-01-20T19:10:00'))).toBe('20分钟后')
  })

  it('are due at their time, one at a time', () => {
    const pending = { 'T-7d': 'pending', 'T-1d': 'pending', 'T-2h': 'pending' } as const
    expect(dueReminder(meetingAt, pending, sh('2027-01-13T19:29:00'))).toEqual({ skip: [] })
    expect(dueReminder(meetingAt, pending, sh('2027-01-13T19:30:00'))).toEqual({ send: 'T-7d', skip: [] })
    expect(dueReminder(meetingAt, { ...pending, 'T-7d': 'sent' }, sh('2027-01-19T19:30:00'))).toEqual({ send: 'T-1d', skip: [] })
    expect(dueReminder(meetingAt, { 'T-7d': 'sent', 'T-1d': 'sent', 'T-2h': 'pending' }, sh('2027-01-20T17:30:00'))).toEqual({ send: 'T-2h', skip: [] })
  })

  it('after a long stop send only the latest due reminder, and none once the meeting began', () => {
    const pending = { 'T-7d': 'pending', 'T-1d': 'pending', 'T-2h': 'pending' } as const
    expect(dueReminder(meetingAt, pending, sh('2027-01-19T20:00:00'))).toEqual({ send: 'T-1d', skip: ['T-7d'] })
    expect(dueReminder(meetingAt, pending, sh('2027-01-20T20:00:00'))).toEqual({ skip: ['T-7d', 'T-1d', 'T-2h'] })
  })
})

describe('meeting texts and audiences', () => {
  const meeting = { id: 3, type: '业主大会' as const, at: meetingAt, place: '小区会所', topic: '审议物业服务合同续签' }

  it('notice, reminder and cancellation say when, where and what', () => {
    const notice = renderMeetingNotice(meeting)
    expect(notice).toContain('【会议通知 #3】业主大会')
    expect(notice).toContain('时间：2027年1月20日（周三）19:30')
    expect(notice).toContain('回复「收到」')
    expect(notice).toContain('15日以前通知全体业主')
    expect(renderMeetingReminder(meeting, sh('2027-01-19T19:30:00'))).toContain('【会议提醒 #3】业主大会明天召开')
    expect(notice).not.toContain('@')
    expect(renderMeetingCancellation(meeting, '场地冲突')).toContain('取消原因：场地冲突')
  })

  it('go to the right groups for each type', () => {
    expect(MEETING_TYPE_SPECS.业主大会.audiences).toContain('owner_groups')
    expect(MEETING_TYPE_SPECS.联席会议.audiences).toEqual(['joint'])
    expect(MEETING_TYPE_SPECS.业委会例会.audiences).toEqual(['committee'])
    expect(MEETING_TYPE_SPECS.接待日.audiences).toEqual(['owner_groups'])
  })
})
