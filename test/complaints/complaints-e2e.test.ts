import { afterEach, describe, expect, it } from 'vitest'
import { openSandbox, textsIn, type Harness } from '../helpers/sandbox-harness.js'
import { JOINT, OWNERS, PROPERTY, joined, openOnMonday } from './complaint-sandbox.js'

// End to end on the mock puppet, through the real runtime (sandbox harness), from Monday
// 2026-12-07 09:00 Beijing time.

let h: Harness
afterEach(async () => { await h.dispose() })

async function open (): Promise<Harness> {
  h = await openOnMonday()
  return h
}

describe('complaints in the sandbox', () => {
  it('张阿姨 complains in the owner group, 刘经理 handles it, she rates 3, it reopens and /统计 shows it', async () => {
    await open()
    const intake = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    const groupReply = textsIn(intake, OWNERS)
    expect(groupReply).toEqual([expect.stringMatching(/^@张阿姨 已登记 #1，已转阳光花园物业服务中心，12月8日（周二）09:00前受理、12月14日（周一）09:00前办结/)])
    const card = joined(textsIn(intake, PROPERTY))
    expect(card).toContain('【新工单 #1】电梯故障')
    expect(card).toContain('位置：5号楼')
    expect(card).not.toContain('张阿姨')

    const handled = await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/受理 1', '/办结 1 已更换电梯主板，恢复运行')
    expect(textsIn(handled, PROPERTY)).toEqual(['@刘经理 已受理工单 #1，请在 12月14日（周一）09:00 前办结。', '@刘经理 工单 #1 已办结，已请业主评价。'])
    const toZhang = joined(textsIn(handled, '私聊 张阿姨'))
    expect(toZhang).toContain('已由阳光花园物业服务中心受理')
    expect(toZhang).toContain('已更换电梯主板')
    expect(toZhang).toContain('1 满意　2 基本满意　3 不满意')

    const rated = await h.run(':as 张阿姨', ':dm', '3')
    expect(joined(textsIn(rated, '私聊 张阿姨'))).toContain('工单 #1 已重新打开')
    expect(joined(textsIn(rated, PROPERTY))).toContain('【提示函】工单 #1（电梯故障，5号楼）业主评价“不满意”')

    const stats = joined(textsIn(await h.run('/统计 本月'), '私聊 张阿姨'))
    expect(stats).toContain('2026年12月工单统计')
    expect(stats).toContain('调处率 0%（0/1）')
    expect(stats).toContain('满意率 0%（0/1）')
    expect(stats).toContain('处置有效率 0%（0/1）') // closed once, then reopened: not settled for good
    expect(stats).not.toContain('NaN')

    const details = joined(textsIn(await h.run('/工单 1'), '私聊 张阿姨'))
    expect(details).toContain('工单 #1｜电梯故障｜重新打开')
    expect(details).toContain('刘经理 办结：已更换电梯主板')
    expect(details).toContain('评价：不满意')
  })

  it('escalates an urgent ticket with 提示 then 警示 as the clock moves, and puts it on the agenda', async () => {
    await open()
    const intake = await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 3号楼电梯困人了，快来人')
    expect(joined(textsIn(intake, OWNERS))).toContain('12月7日（周一）09:30前受理、11:00前办结。（紧急）')
    expect(joined(textsIn(intake, PROPERTY))).toContain('【紧急工单 #1】电梯故障｜紧急')

    expect(await h.run(':clock 2026-12-07 09:29')).toEqual([])
    const reminder = await h.run(':clock 2026-12-07 09:31')
    expect(textsIn(reminder, PROPERTY)).toEqual([expect.stringContaining('【提示函】工单 #1（电梯故障，3号楼）已超过受理时限（12月7日（周一）09:30）仍未受理')])
    expect(textsIn(reminder, '私聊 孙书记')).toEqual([])

    const warning = await h.run(':clock 2026-12-07 10:01')
    expect(joined(textsIn(warning, PROPERTY))).toContain('【警示函】工单 #1')
    expect(joined(textsIn(warning, '私聊 孙书记'))).toContain('【警示函】工单 #1')
    expect(joined(textsIn(warning, '私聊 李先生'))).toContain('已列入四位一体联席会议议程')
    expect(await h.run(':clock 2026-12-07 10:30')).toEqual([]) // each letter once

    const status = await h.run(':as 刘经理', ':dm', '/状态', '/工单 列表 逾期')
    expect(textsIn(status, '私聊 刘经理')).toEqual([
      expect.stringMatching(/^未办结工单（逾期在前）：\n阳光花园物业服务中心：未办结 1 件，逾期 1 件\n {2}【逾期】#1 电梯故障 3号楼｜待受理/),
      expect.stringMatching(/^【逾期】#1 电梯故障 3号楼/)
    ])
    const ownerStatus = await h.run(':as 张阿姨', '/状态')
    expect(textsIn(ownerStatus, '私聊 张阿姨')).toEqual(['未办结工单（逾期在前）：\n阳光花园物业服务中心：未办结 1 件，逾期 1 件'])

    const agenda = await h.run(':as 孙书记', ':dm', '/议程')
    expect(joined(textsIn(agenda, '私聊 孙书记'))).toMatch(/待议工单：\n【逾期】#1 电梯故障 3号楼/)
  })

  it('joins a second owner\'s complaint about the same matter to the open ticket', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    const second = await h.run(':as 李先生', '@小区助手 五号楼的电梯又停了，老人上不去')
    expect(textsIn(second, OWNERS)).toEqual([expect.stringContaining('已有业主反映过这件事（工单 #1，共 2 位业主反映）')])
    expect(joined(textsIn(second, PROPERTY))).toContain('【工单 #1】又有业主反映（共 2 位）')
    const again = await h.run(':as 张阿姨', '@小区助手 5号楼电梯还是坏的')
    expect(joined(textsIn(again, OWNERS))).toContain('您已反映过这件事')

    const acked = await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/受理 1')
    expect(textsIn(acked, '私聊 张阿姨')).toHaveLength(1)
    expect(textsIn(acked, '私聊 李先生')).toHaveLength(1)
    const other = await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 6号楼电梯坏了')
    expect(joined(textsIn(other, OWNERS))).toContain('已登记 #2')
  })

  it('does not repeat a noise complaint in the group and sends it to the residents\' committee', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 楼上1502每天半夜跺脚拖椅子吵得睡不着 电话13812345678')
    expect(textsIn(out, OWNERS)).toEqual(['@张阿姨 收到，为保护隐私，详情已私聊您。'])
    expect(joined(textsIn(out, '私聊 张阿姨'))).toContain('已登记工单 #1（邻里噪音，1502室）')
    const card = joined(textsIn(out, '私聊 陈主任'))
    expect(card).toContain('【新工单 #1】邻里噪音')
    expect(card).toContain('13812345678') // a private card to a person keeps the number

    // 王女士 is not a friend of the bot: the group gets only the fallback, without details.
    const wang = await h.run(':as 王女士', '@小区助手 隔壁养的狗整晚叫，6号楼302')
    const group = joined(textsIn(wang, OWNERS))
    expect(group).toContain('为保护隐私')
    expect(group).not.toMatch(/狗|302|#2/)
  })

  it('masks phone numbers in cards posted to a group', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '报修 东门道闸坏了抬不起来，有事打13812345678')
    const card = joined(textsIn(out, PROPERTY))
    expect(card).toContain('138****5678')
    expect(card).not.toContain('13812345678')
  })

  it('lets an owner see only their own tickets', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了')
    const li = await h.run(':as 李先生', ':dm', '/工单 1', '/我的工单')
    expect(textsIn(li, '私聊 李先生')).toEqual(['您只能查看自己反映的工单，请发送 /我的工单。', expect.stringContaining('您还没有反映过问题')])
    const zhang = await h.run(':as 张阿姨', '/我的工单')
    expect(joined(textsIn(zhang, '私聊 张阿姨'))).toContain('#1 电梯故障 5号楼｜待受理')
    const list = await h.run('/工单 列表')
    expect(joined(textsIn(list, '私聊 张阿姨'))).toContain('工单列表只供各方工作人员查看')
  })

  it('lets only the responsible body and the chair act, and explains every refusal', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了')
    const owner = await h.run('/受理 1')
    expect(joined(textsIn(owner, OWNERS))).toContain('需要')
    const chen = await h.run(':as 陈主任', ':dm', '/受理 1')
    expect(textsIn(chen, '私聊 陈主任')).toEqual(['工单 #1 由阳光花园物业服务中心负责，只有该单位成员或业委会主任可以受理。'])
    const liu = await h.run(':as 刘经理', ':dm', '/受理', '/受理 99', '/回复 1', '/转办 1 火星 原因', '/办结 1 修好了', '/办结 1 又修了一次', '/转办 1 居委会 原因', '/受理 1')
    expect(textsIn(liu, '私聊 刘经理')).toEqual([
      '请写明工单编号。用法：/受理 27',
      '没有工单 #99，请核对编号（负责单位可发送 /工单 列表 查看待办）。',
      '请写明回复内容。用法：/回复 27 师傅下午两点到场',
      '不认识单位“火星”。可写：物业、业委会、居委会、党组织、联席会议、城管、房管、派出所、街道。',
      '工单 #1 已办结，已请业主评价。',
      '工单 #1 当前状态为“已办结”，不能办结',
      '工单 #1 当前状态为“已办结”，不能转办',
      '工单 #1 当前状态为“已办结”，不能受理'
    ])
    const chair = await h.run(':as 赵主任', '/工单 1')
    expect(joined(textsIn(chair, '私聊 赵主任'))).toContain('工单 #1｜电梯故障｜已办结')
  })

  it('transfers and returns tickets between bodies, keeping the complainant informed', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了')
    const moved = await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/转办 1 居委会 需要协调住户让维修进场')
    expect(joined(textsIn(moved, '私聊 陈主任'))).toContain('转办（自阳光花园物业服务中心，原因：需要协调住户让维修进场）')
    expect(joined(textsIn(moved, '私聊 张阿姨'))).toContain('已转由阳光社区居民委员会处理')
    const back = await h.run(':as 陈主任', ':dm', '/退回 1 不属居委会职责')
    expect(joined(textsIn(back, JOINT))).toContain('退回待分派')
    expect(joined(textsIn(back, '私聊 张阿姨'))).toContain('已交阳光花园业主委员会重新分派')
  })

  it('asks once, privately, for a missing location and files the ticket with the answer', async () => {
    await open()
    const asked = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 楼道灯坏了一个多月了')
    expect(textsIn(asked, OWNERS)).toEqual(['@张阿姨 收到，请在私聊中补充具体位置。'])
    expect(joined(textsIn(asked, '私聊 张阿姨'))).toContain('请补充具体位置')
    const filed = await h.run(':dm', '6号楼3单元')
    expect(joined(textsIn(filed, '私聊 张阿姨'))).toContain('已登记工单 #1（公共设施维修，6号楼3单元）')
    expect(joined(textsIn(filed, PROPERTY))).toContain('位置：6号楼3单元')
  })

  it('sends multi-party complaints straight to the joint meeting', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 楼顶漏水找物业，物业说找业委会，业委会又让找居委会，推来推去')
    expect(joined(textsIn(out, JOINT))).toContain('【联席会议议题】工单 #1')
    expect(joined(textsIn(out, '私聊 孙书记'))).toContain('【联席会议议题】工单 #1')
  })

  it('politely limits more than 5 complaints an hour from one person', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 李先生')
    for (const n of [1, 2, 3, 4, 5]) await h.run(`@小区助手 ${n}号楼电梯坏了`)
    const sixth = await h.run('@小区助手 7号楼电梯坏了')
    expect(joined(textsIn(sixth, OWNERS))).toContain('您一小时内已反映了 5 件事')
    // said once an hour, not once per message
    expect(textsIn(await h.run('@小区助手 8号楼电梯坏了'), OWNERS)).toEqual([])
    const later = await h.run(':clock 2026-12-07 10:01', '@小区助手 7号楼电梯坏了')
    expect(joined(textsIn(later, OWNERS))).toContain('已登记 #6')
  })

  it('records 未评价 when no rating comes within 3 days, and keeps tickets across a restart', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了', `:in ${PROPERTY}`, ':as 刘经理', '/办结 1 已修复')
    await h.run(':clock 2026-12-10 09:01')
    const dataDir = h.dataDir
    await h.close()
    h = await openSandbox({ dataDir })
    const out = await h.run(':as 张阿姨', ':dm', '/工单 1', '3')
    const texts = textsIn(out, '私聊 张阿姨')
    expect(texts[0]).toContain('评价：未评价')
    expect(texts[1]).not.toContain('重新打开') // the late "3" is not taken as a rating
  })

  it('leaves questions about procedures to other features', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 维修资金怎么申请')
    expect(joined(out.map(m => m.text))).not.toContain('已登记')
  })
})
