import { describe, expect, it } from 'vitest'
import { checkMeetingNotice } from '../../src/meetings/check-meeting-notice.js'
import { parseMeetingCommand, type MeetingDraft } from '../../src/meetings/parse-meeting-command.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)
const now = sh('2027-01-05T10:00:00')

function draft (text: string): MeetingDraft {
  const result = parseMeetingCommand(text, now)
  if (!result.ok) throw new Error(result.message)
  return result.draft
}

describe('the 15-day rule for an owners assembly', () => {
  it('refuses an assembly less than 15 days ahead and cites the rule', () => {
    const result = checkMeetingNotice(draft('业主大会 2027-01-19 19:30 小区会所 审议物业合同'), now)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('不足15天')
    expect(result.message).toContain('《物业管理条例》第十四条规定：召开业主大会会议，应当于会议召开15日以前通知全体业主')
    expect(result.message).toContain('最早可在 2027年1月20日（周三）19:30 召开')
  })

  it('accepts an assembly exactly 15 calendar days ahead', () => {
    expect(checkMeetingNotice(draft('业主大会 2027-01-20 08:00 小区会所 审议物业合同'), now)).toEqual({ ok: true })
  })

  it('gives an extraordinary assembly no shorter notice, whatever its reason (issue 10)', () => {
    const result = checkMeetingNotice(draft('临时业主大会 2027-01-12 19:30 小区会所 电梯 原因：3号楼电梯停运'), now)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain('临时业主大会距今只有7天，不足15天')
    expect(!result.ok && result.message).toContain('第十四条')
    expect(checkMeetingNotice(draft('临时业主大会 2027-01-20 19:30 小区会所 电梯 原因：3号楼电梯停运'), now)).toEqual({ ok: true })
  })

  it('does not apply the rule to other meetings, but refuses past ones', () => {
    expect(checkMeetingNotice(draft('业委会例会 2027-01-06 19:30 办公室 例会'), now)).toEqual({ ok: true })
    const past = checkMeetingNotice(draft('业委会例会 2027-01-05 09:00 办公室 例会'), now)
    expect(!past.ok && past.message).toContain('已经过去')
  })
})
