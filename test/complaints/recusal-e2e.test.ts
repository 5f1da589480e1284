import { afterEach, describe, expect, it } from 'vitest'
import { textsIn, type Harness } from '../helpers/sandbox-harness.js'
import { JOINT, OWNERS, PROPERTY, joined, openOnMonday } from './complaint-sandbox.js'

// Issue 10, items 1 and 4: the accused never handle a complaint about themselves, and the
// escalation ladder sends only true letters, to the four parties, once per recipient per tick.
// Through the real bot on the mock puppet, from Monday 2026-12-07 09:00 Beijing time.

let h: Harness
afterEach(async () => { await h.dispose() })

async function open (): Promise<Harness> {
  h = await openOnMonday()
  return h
}

/** Everything a person could read: their private chat and the groups they sit in. */
function readBy (name: string, groups: string[]): string {
  return joined(h.sent.filter(m => m.chat === `私聊 ${name}` || groups.includes(m.chat)).map(m => m.text))
}

describe('recusal: a complaint about a body never goes to that body', () => {
  it('王女士\'s complaint about 赵主任 goes to the residents\' committee; the chair can neither act on it nor see it', async () => {
    await open()
    const filed = await h.run(`:in ${OWNERS}`, ':as 王女士', '@小区助手 业委会主任赵某某私自拿公章跟物业签合同，也不开会，我们要举报')
    expect(textsIn(filed, OWNERS)).toEqual(['@王女士 收到您的反映，已登记。为保护隐私，请加我为好友后私聊 /我的工单 查看进展。'])
    expect(textsIn(filed, '私聊 陈主任')).toEqual([expect.stringContaining('【新工单 #1】业委会履职')]) // once, though it also relays the street's copy
    expect(joined(textsIn(filed, '私聊 孙书记'))).toContain('【知会 #1】业委会履职')
    expect([...textsIn(filed, JOINT), ...textsIn(filed, PROPERTY), ...textsIn(filed, '私聊 赵主任'), ...textsIn(filed, '私聊 钱委员')]).toEqual([])

    const zhao = await h.run(':as 赵主任', ':dm', '/受理 1', '/办结 1 经核实没问题', '/回复 1 没有的事', '/转办 1 物业 不归我们', '/退回 1 不属实', '/撤销 1 不属实', '/工单 1', '/工单 列表')
    const refusal = (what: string) => `工单 #1 涉及您所在的单位，按照回避规则由阳光社区居民委员会办理，您不能${what}，谢谢理解。`
    expect(textsIn(zhao, '私聊 赵主任')).toEqual([
      refusal('受理'), refusal('办结'), refusal('回复'), refusal('转办'), refusal('退回'), refusal('撤销'), refusal('查看'),
      '您所在单位没有符合条件的未办结工单。'
    ])
    const qian = await h.run(':as 钱委员', '/受理 1')
    expect(textsIn(qian, '私聊 钱委员')).toEqual([refusal('受理')])

    const chen = await h.run(':as 陈主任', '/受理 1', '/办结 1 已约谈业委会，公章由两名委员共同保管')
    expect(textsIn(chen, '私聊 陈主任')[0]).toContain('已受理工单 #1')
    // 王女士 is not a friend: the group fallback says nothing of the matter or its outcome.
    expect(textsIn(chen, OWNERS)).toEqual(['@王女士 您的反映有新进展，请加我为好友后私聊 /我的工单 查看。', '@王女士 您的反映有新进展，请加我为好友后私聊 /我的工单 查看。'])
    // Over the whole story, the chair never read the complaint or who made it, outside the owner group she wrote in.
    const chair = joined(h.sent.filter(m => m.chat === '私聊 赵主任' || m.chat === JOINT || m.chat === PROPERTY).map(m => m.text))
    expect(chair).not.toMatch(/王女士|公章|业委会履职/)
  })

  it('业委会账目有问题 维修资金被乱用 goes to the committee\'s supervisors, not to the committee', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 业委会账目有问题 维修资金被乱用')
    expect(joined(textsIn(out, '私聊 张阿姨'))).toMatch(/已登记工单 #1（维修资金与公共收益公开），已转阳光社区居民委员会/)
    expect(textsIn(out, OWNERS)).toEqual(['@张阿姨 收到，为保护隐私，详情已私聊您。'])
    const card = joined(textsIn(out, '私聊 陈主任'))
    expect(card).toContain('【新工单 #1】维修资金与公共收益公开')
    expect(card).toContain('负责：阳光社区居民委员会；知会：阳光社区党委、区房屋管理局')
    expect(joined(textsIn(out, '私聊 孙书记'))).toContain('【知会 #1】')
    expect(readBy('赵主任', [JOINT, PROPERTY])).not.toContain('账目')
    expect(readBy('钱委员', [JOINT])).not.toContain('账目')
  })

  it('物业刘经理态度恶劣还骂人 is not carded to a group where 刘经理 sits; the committee gets it privately', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 物业刘经理态度恶劣还骂人')
    expect(textsIn(out, OWNERS)).toEqual(['@李先生 收到，为保护隐私，详情已私聊您。'])
    expect(textsIn(out, JOINT)).toEqual([])
    expect(textsIn(out, PROPERTY)).toEqual([])
    for (const member of ['赵主任', '钱委员']) expect(joined(textsIn(out, `私聊 ${member}`))).toContain('【新工单 #1】物业服务不到位')
    expect(joined(textsIn(out, '私聊 陈主任'))).toContain('#1')
    expect(readBy('刘经理', [JOINT, PROPERTY])).not.toMatch(/骂人|李先生/)

    const liu = await h.run(':as 刘经理', ':dm', '/受理 1', '/工单 1')
    expect(textsIn(liu, '私聊 刘经理')).toEqual([
      '工单 #1 涉及您所在的单位，按照回避规则由阳光花园业主委员会办理，您不能受理，谢谢理解。',
      '工单 #1 涉及您所在的单位，按照回避规则由阳光花园业主委员会办理，您不能查看，谢谢理解。'
    ])
    const qian = await h.run(':as 钱委员', '/受理 1')
    expect(textsIn(qian, '私聊 钱委员')[0]).toContain('已受理工单 #1')
  })

  it('shows each body only its own tickets in /工单 列表', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    await h.run(':as 李先生', '@小区助手 楼上1502每天半夜跺脚拖椅子吵得睡不着')
    await h.run(':as 王女士', '@小区助手 业委会从来不开会，也不公示，换届拖了两年')
    const liu = textsIn(await h.run(':as 刘经理', ':dm', '/工单 列表'), '私聊 刘经理')
    expect(liu).toEqual([expect.stringMatching(/^#1 电梯故障 5号楼｜待受理｜阳光花园物业服务中心｜受理时限/)])
    const chen = joined(textsIn(await h.run(':as 陈主任', '/工单 列表'), '私聊 陈主任'))
    expect(chen).toContain('#2 邻里噪音')
    expect(chen).toContain('#3 业委会履职')
    expect(chen).not.toContain('#1')
    const zhao = textsIn(await h.run(':as 赵主任', '/工单 列表'), '私聊 赵主任')
    expect(zhao).toEqual(['您所在单位没有符合条件的未办结工单。'])
  })
})

describe('the escalation ladder', () => {
  it('gives #5-like reopened tickets fresh deadlines and never a "仍未受理" letter', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/受理 1', '/回复 1 已派人', '/办结 1 已修好')
    await h.run(':clock 2026-12-08 10:00')
    const rated = await h.run(':as 张阿姨', ':dm', '3')
    // reopened on Tuesday 10:00: five working days from the reopening, not from the first filing
    expect(joined(textsIn(rated, '私聊 张阿姨'))).toContain('新的办结时限 12月15日（周二）10:00')
    const before = h.sent.length
    for (const t of ['2026-12-09 10:00', '2026-12-11 10:00', '2026-12-15 10:01', '2026-12-23 10:00']) await h.run(`:clock ${t}`)
    const later = joined(h.sent.slice(before).map(m => m.text))
    expect(later).not.toContain('仍未受理')
    expect(later).toContain('【警示函】工单 #1（电梯故障，5号楼）办结时限为 12月15日（周二）10:00')
    const list = await h.run(':as 刘经理', '/工单 列表')
    expect(textsIn(list, '私聊 刘经理')).toEqual([expect.stringMatching(/^【逾期】#1 电梯故障 5号楼｜重新打开｜阳光花园物业服务中心｜办结时限 12月15日（周二）10:00$/)])
  })

  it('sends no letter after closure, and no 警示函 to a government department: the residents\' committee is asked to refer it', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 投诉 2号楼顶楼有人搭违建阳光房')
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 3号楼电梯坏了')
    await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/办结 2 已修复')
    const before = h.sent.length
    for (const t of ['2026-12-08 09:01', '2026-12-09 09:01', '2026-12-30 09:01']) await h.run(`:clock ${t}`)
    const letters = h.sent.slice(before)
    const all = joined(letters.map(m => m.text))
    expect(all).not.toMatch(/提示函|警示函/)
    expect(all).not.toContain('请街道城管执法队立即处理')
    expect(all).not.toContain('#2')
    expect(joined(textsIn(letters, '私聊 陈主任'))).toContain('【转办提醒】工单 #1（违法搭建与占用公共空间，2号楼）由街道城管执法队负责')
    expect(joined(textsIn(letters, '私聊 陈主任'))).toContain('请阳光社区居民委员会向街道城管执法队转达并跟进')
    expect(joined(textsIn(letters, '私聊 孙书记'))).toContain('【督办转办】工单 #1')
  })

  it('sends 孙书记 one digest for a tick that finds several tickets overdue', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了', ':as 李先生', '@小区助手 6号楼电梯坏了', ':as 王女士', '@小区助手 7号楼电梯坏了')
    const tick = await h.run(':clock 2026-12-10 09:01')
    const sun = textsIn(tick, '私聊 孙书记')
    expect(sun).toHaveLength(1)
    expect(sun[0]).toMatch(/^【督办汇总】本次共 3 件工单需要处理：/)
    for (const no of [1, 2, 3]) expect(sun[0]).toContain(`【警示函】工单 #${no}（电梯故障`)
    expect(textsIn(tick, PROPERTY)).toHaveLength(1)
  })

  it('says a late acceptance is late, and 【逾期】 agrees with the deadline shown', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了', ':clock 2026-12-08 10:01')
    const overdue = await h.run(':as 刘经理', ':dm', '/工单 列表 逾期')
    expect(textsIn(overdue, '私聊 刘经理')).toEqual(['【逾期】#1 电梯故障 5号楼｜待受理｜阳光花园物业服务中心｜受理时限 12月8日（周二）09:00'])
    const late = await h.run('/受理 1')
    expect(textsIn(late, '私聊 刘经理')).toEqual(['已受理工单 #1（受理时限 12月8日（周二）09:00 已过，属逾期受理），请在 12月14日（周一）09:00 前办结。'])
    expect(joined(textsIn(late, '私聊 张阿姨'))).toContain('已由阳光花园物业服务中心受理（逾期受理）')
    const after = await h.run('/工单 列表', '/工单 列表 逾期')
    expect(textsIn(after, '私聊 刘经理')).toEqual(['#1 电梯故障 5号楼｜已受理｜阳光花园物业服务中心｜办结时限 12月14日（周一）09:00', '您所在单位没有符合条件的未办结工单。'])
  })
})

describe('/撤销', () => {
  it('lets the complainant withdraw their own ticket: the body is told, it leaves the agenda and /统计 counts it apart', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了', ':clock 2026-12-10 09:01')
    expect(joined(textsIn(await h.run(':as 孙书记', ':dm', '/议程'), '私聊 孙书记'))).toContain('#1 电梯故障')
    const out = await h.run(':as 张阿姨', ':dm', '/撤销 1', '/撤销 1 电梯已经好了，是我看错了')
    expect(textsIn(out, '私聊 张阿姨')).toEqual(['请写明撤销原因。用法：/撤销 27 经核实反映不实', '工单 #1 已撤销（原因：电梯已经好了，是我看错了），不再列入待办和联席会议议程，/统计 中单独计数。'])
    expect(textsIn(out, PROPERTY)).toEqual(['【工单 #1 已撤销】电梯故障：由反映业主本人撤销，原因：电梯已经好了，是我看错了。无需再处理。'])
    expect(textsIn(await h.run(':as 孙书记', '/议程'), '私聊 孙书记')).toEqual(['下次联席会议暂无待议工单（逾期警示、多方推诿和业主不满意的工单会自动列入）。'])
    expect(joined((await h.run(':clock 2026-12-20 09:01')).map(m => m.text))).not.toContain('#1') // no more letters
    const stats = joined(textsIn(await h.run('/统计'), '私聊 孙书记'))
    expect(stats).toBe('2026年第四季度工单统计（调处率=已办结/已受理，处置有效率=办结后未被重新打开/办结过，满意率=满意与基本满意/已评价）\n' +
      '合计：工单 0 件\n  按时受理 —；按时办结 —\n  调处率 —；处置有效率 —；满意率 —\n另有撤销 1 件（不实或误登记），不计入以上比率\n转办改派 0 件（首次分派有误、由负责单位转给其他单位的工单）')
  })

  it('lets the supervising body withdraw a false ticket, not the body it is about, and learns that the text was no complaint', async () => {
    await open()
    const text = '@小区助手 东门的道闸坏了抬不起来'
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', text)
    const liu = await h.run(':as 刘经理', ':dm', '/撤销 1 不属实')
    expect(textsIn(liu, '私聊 刘经理')).toEqual(['工单 #1 只能由阳光花园业主委员会、业委会主任或反映的业主本人撤销。'])
    const qian = await h.run(':as 钱委员', ':dm', '/撤销 1 经现场核实道闸正常，系误报')
    expect(textsIn(qian, '私聊 钱委员')[0]).toContain('工单 #1 已撤销')
    expect(textsIn(qian, '私聊 张阿姨')).toEqual(['您反映的工单 #1（公共设施维修）已由阳光花园业主委员会撤销，原因：经现场核实道闸正常，系误报。如有异议或问题仍在，请重新反映，我会登记新的工单。'])
    const again = await h.run(`:in ${OWNERS}`, ':as 李先生', text)
    expect(joined(again.map(m => m.text))).not.toContain('已登记')
  })

  it('learns a transfer: the same complaint goes to the corrected body next time, and /统计 counts the rerouting', async () => {
    await open()
    const text = '@小区助手 6号楼2单元门口有人摆摊卖菜，占了人行道'
    const first = await h.run(`:in ${OWNERS}`, ':as 张阿姨', text)
    expect(joined(textsIn(first, OWNERS))).toContain('已登记 #1')
    const before = joined(textsIn(first, OWNERS))
    await h.run(':as 陈主任', ':dm', `/转办 1 物业 ${'属于小区内公共区域秩序，由物业劝离'}`, ':as 刘经理', '/办结 1 已劝离')
    const again = await h.run(`:in ${OWNERS}`, ':as 李先生', text)
    expect(joined(textsIn(again, OWNERS))).toContain('已登记 #2，已转阳光花园物业服务中心')
    expect(before).not.toContain('已转阳光花园物业服务中心')
    const stats = joined(textsIn(await h.run(':as 孙书记', ':dm', '/统计'), '私聊 孙书记'))
    expect(stats).toContain('转办改派 1 件')
  })
})
