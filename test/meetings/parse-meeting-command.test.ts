import { describe, expect, it } from 'vitest'
import { parseMeetingCommand } from '../../src/meetings/parse-meeting-command.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)
const now = sh('2027-01-05T10:00:00')

describe('parseMeetingCommand', () => {
  it('reads type, date, time, place and topic', () => {
    const result = parseMeetingCommand('业主大会 2027-01-20 19:30 小区会所 审议物业服务合同续签', now)
    expect(result).toEqual({
      ok: true,
      draft: { type: '业主大会', at: sh('2027-01-20T19:30:00'), place: '小区会所', topic: '审议物业服务合同续签' }
    })
  })

  it('reads 1月20日 as the next such date and keeps spaces inside the topic', () => {
    const result = parseMeetingCommand('联席会议 1月20日 14:30 党群服务站 电梯 加装 协调', now)
    expect(result.ok && result.draft).toMatchObject({ type: '联席会议', at: sh('2027-01-20T14:30:00'), topic: '电梯 加装 协调' })
    const past = parseMeetingCommand('接待日 1月3日 9:00 业委会办公室 听取意见', now)
    expect(past.ok && past.draft.at).toEqual(sh('2028-01-03T09:00:00'))
  })

  it('accepts Traditional and full-width input', () => {
    const result = parseMeetingCommand('業委會例會 2027/1/8 19：30 業委會辦公室 討論維修資金', now)
    expect(result.ok && result.draft).toMatchObject({ type: '业委会例会', at: sh('2027-01-08T19:30:00'), place: '业委会办公室' })
  })

  it('reads an extraordinary meeting and its reason', () => {
    const result = parseMeetingCommand('临时业主大会 2027-01-12 19:30 小区会所 紧急动用维修资金 原因：3号楼电梯停运', now)
    expect(result.ok && result.draft).toMatchObject({ type: '业主大会', topic: '紧急动用维修资金', extraordinary: { reason: '3号楼电梯停运' } })
  })

  it('reads 今天, 明天 and 后天 as Shanghai dates', () => {
    const late = sh('2027-01-31T23:30:00')
    expect(parseMeetingCommand('其他 明天 9:00 会所 消防演练', late)).toMatchObject({ ok: true, draft: { at: sh('2027-02-01T09:00:00') } })
    expect(parseMeetingCommand('其他 后天 9:00 会所 消防演练', late)).toMatchObject({ ok: true, draft: { at: sh('2027-02-02T09:00:00') } })
    expect(parseMeetingCommand('其他 今天 23:50 会所 消防演练', late)).toMatchObject({ ok: true, draft: { at: sh('2027-01-31T23:50:00') } })
  })

  it('explains each mistake in Chinese with the usage', () => {
    const cases: Array<[string, string]> = [
      ['', '请写明会议类型。'],
      ['茶话会 2027-01-20 19:30 会所 聊天', '不认识会议类型「茶话会」。'],
      ['业主大会 2027-02-30 19:30 会所 议题', '日期「2027-02-30」不存在，请检查月份和日期。'],
      ['业主大会 下周 19:30 会所 议题', '日期「下周」看不懂'],
      ['业主大会 2027-01-20 25:00 会所 议题', '时间「25:00」看不懂'],
      ['业主大会 2027-01-20 19:30 会所', '请写明会议地点和议题。'],
      ['临时业主大会 2027-01-12 19:30 会所 电梯', '临时会议请在最后写明原因']
    ]
    for (const [input, message] of cases) {
      const result = parseMeetingCommand(input, now)
      expect(result.ok, input).toBe(false)
      if (!result.ok) {
        expect(result.message).toContain(message)
        expect(result.message).toContain('格式：/会议 新建 类型 日期 时间 地点 议题')
      }
    }
  })
})
