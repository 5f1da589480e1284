import { afterEach, describe, expect, it } from 'vitest'
import { openSandbox, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
const JOINT = '四位一体工作群'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

const reminders = (texts: string[]): string[] => texts.filter(t => t.startsWith('【会议提醒'))

describe('/会议 in the sandbox', () => {
  it('announces a meeting to the right groups and reminds 7 days, 1 day and 2 hours before', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00')
    const created = await h.run(':as 赵主任', ':in 四位一体工作群', '/会议 新建 业主大会 2027-01-21 19:30 小区会所 审议物业服务合同续签')
    expect(textsIn(created, OWNERS)[0]).toContain('【会议通知 #1】业主大会')
    expect(textsIn(created, JOINT)[0]).toContain('【会议通知 #1】业主大会')
    expect(textsIn(created, JOINT).at(-1)).toContain('会前提醒：1月14日（周四）19:30；1月20日（周三）19:30；1月21日（周四）17:30')

    const ack = await h.run(':as 张阿姨', ':in 阳光花园业主群', '@小区助手 收到', '@小区助手 收到')
    expect(ack[0]?.text).toContain('已记录：您已收到会议#1的通知')

    expect(reminders(textsIn(await h.run(':clock 2027-01-14 19:29'), OWNERS))).toEqual([])
    const week = await h.run(':clock 2027-01-14 19:30')
    expect(reminders(textsIn(week, OWNERS))).toEqual([expect.stringContaining('业主大会还有7天召开')])
    expect(textsIn(week, '私聊 赵主任')).toEqual([])
    const day = await h.run(':clock 2027-01-20 19:30')
    expect(reminders(textsIn(day, OWNERS))).toEqual([expect.stringContaining('业主大会明天召开')])
    // the chair hears the count once, the day before
    expect(textsIn(day, '私聊 赵主任')).toEqual([expect.stringContaining('目前1人回复「收到」')])
    const hours = await h.run(':clock 2027-01-21 17:30', ':clock 2027-01-21 18:00', ':clock 2027-01-22 09:00')
    expect(reminders(textsIn(hours, OWNERS))).toEqual([expect.stringContaining('业主大会2小时后召开')])
    expect(reminders(textsIn(h.sent, OWNERS))).toHaveLength(3)
  })

  it('refuses an owners assembly less than 15 days ahead, citing the rule, and sends nothing', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00')
    const out = await h.run(':as 赵主任', ':dm', '/会议 新建 业主大会 1月15日 19:30 小区会所 审议物业服务合同续签')
    expect(out).toHaveLength(1)
    expect(out[0]?.text).toContain('《物业管理条例》第十四条规定：召开业主大会会议，应当于会议召开15日以前通知全体业主')
  })

  it('refuses a 临时业主大会 at 7 days\' notice too, and tells the residents\' committee of one at 15 (issue 10)', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00')
    const refused = await h.run(':as 赵主任', ':dm', '/会议 新建 临时业主大会 2027-01-12 19:30 小区会所 紧急动用维修资金 原因：3号楼电梯停运')
    expect(refused).toEqual([{ chat: '私聊 赵主任', text: expect.stringContaining('无法发出通知：临时业主大会距今只有7天，不足15天') }])
    expect(refused[0]?.text).toContain('《物业管理条例》第十四条')
    expect(refused[0]?.text).toContain('最早可在 2027年1月20日（周三）19:30 召开')
    const created = await h.run('/会议 新建 临时业主大会 2027-01-20 19:30 小区会所 紧急动用维修资金 原因：3号楼电梯停运')
    expect(textsIn(created, OWNERS)[0]).toContain('临时召开原因：3号楼电梯停运')
    expect(textsIn(created, '私聊 陈主任')).toEqual([expect.stringContaining('【会议通知 #1】业主大会')])
    expect(textsIn(created, '私聊 赵主任').at(-1)).toContain('陈主任')
    const ordinary = await h.run('/会议 新建 业主大会 2027-01-21 19:30 小区会所 审议物业服务合同续签')
    expect(textsIn(ordinary, '私聊 陈主任')).toEqual([expect.stringContaining('【会议通知 #2】业主大会')])
  })

  it('sends a joint meeting to the four-in-one group only, lists and cancels it', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00')
    const created = await h.run(':as 孙书记', ':in 四位一体工作群', '/会议 新建 联席会议 2027-01-08 14:30 党群服务站 电梯加装协调')
    expect(textsIn(created, OWNERS)).toEqual([])
    expect(textsIn(created, JOINT)[0]).toContain('【会议通知 #1】联席会议')
    const listed = await h.run(':as 刘经理', ':in 物业服务群', '/会议 列表')
    expect(listed[0]?.text).toContain('#1 联席会议 2027年1月8日（周五）14:30 党群服务站：电梯加装协调')
    expect(listed[0]?.text).not.toContain('回复收到')
    // never announced to owners, so not listed to them either
    const owners = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/会议 列表')
    expect(owners[0]?.text).toContain('目前没有待召开的会议')
    const refused = await h.run('/会议 取消 1')
    expect(refused[0]?.text).toContain('需要业委会委员或党组织身份')
    const cancelled = await h.run(':as 孙书记', ':in 四位一体工作群', '/会议 取消 1 场地冲突')
    expect(textsIn(cancelled, JOINT)[0]).toContain('【会议取消 #1】')
    expect(textsIn(cancelled, JOINT)[0]).toContain('取消原因：场地冲突')
    const later = await h.run(':clock 2027-01-07 14:30', ':clock 2027-01-08 12:30')
    expect(reminders(textsIn(later, JOINT))).toEqual([])
  })

  it('counts a bare 收到 for the meeting whose notice or reminder was posted last in that group, silently', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00', ':as 赵主任', ':in 四位一体工作群',
      '/会议 新建 业主大会 2027-01-21 19:30 小区会所 审议物业服务合同续签',
      '/会议 新建 接待日 2027-01-16 09:00 业委会办公室 接待业主')
    // the reception day's reminder on the 9th, then the assembly's on the 14th
    await h.run(':clock 2027-01-09 09:00', ':clock 2027-01-14 19:30')
    const ack = await h.run(':as 张阿姨', ':in 阳光花园业主群', '收到', ':as 李先生', '收到了，谢谢')
    expect(ack).toEqual([])
    const listed = await h.run(':as 赵主任', ':dm', '/会议 列表')
    expect(listed[0]?.text).toContain('#1 业主大会 2027年1月21日（周四）19:30 小区会所：审议物业服务合同续签（2人回复收到）')
    expect(listed[0]?.text).toContain('#2 接待日 2027年1月16日（周六）09:00 业委会办公室：接待业主（0人回复收到）')
    // soonest first
    expect(listed[0]?.text.indexOf('#2')).toBeLessThan(listed[0]?.text.indexOf('#1') ?? 0)
  })

  it('words a reminder sent late after a stop for the time it is really sent', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00', ':as 赵主任', ':in 四位一体工作群', '/会议 新建 业主大会 2027-01-21 19:30 小区会所 审议物业服务合同续签')
    const late = await h.run(':clock 2027-01-16 10:00')
    expect(reminders(textsIn(late, OWNERS))).toEqual([expect.stringContaining('业主大会还有5天召开')])
  })

  it('does not announce a cancellation twice, nor cancel a meeting already held', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-05 10:00', ':as 赵主任', ':in 四位一体工作群',
      '/会议 新建 业委会例会 2027-01-08 19:30 业委会办公室 讨论接待日安排',
      '/会议 新建 业委会例会 2027-01-09 19:30 业委会办公室 讨论停车',
      '/会议 取消 1')
    const again = await h.run('/会议 取消 1')
    expect(again).toEqual([{ chat: JOINT, text: expect.stringContaining('会议#1已经取消过了') }])
    await h.run(':clock 2027-01-09 20:00')
    const held = await h.run('/会议 取消 2')
    expect(held).toEqual([{ chat: JOINT, text: expect.stringContaining('已经开始或开过了') }])
  })
})
