import { afterEach, describe, expect, it } from 'vitest'
import { deskOf } from '../../src/features/complaints/desk.js'
import { textsIn, type Harness } from '../helpers/sandbox-harness.js'
import { JOINT, OWNERS, PROPERTY, joined, openOnMonday } from './complaint-sandbox.js'

// Findings of the issue-4 review, end to end: what owners and bodies ran into in the sandbox.
// 2026-12-07 is a Monday with no holiday nearby.

let h: Harness
afterEach(async () => { await h.dispose() })

async function open (): Promise<Harness> {
  h = await openOnMonday()
  return h
}
const ticket = async (no: number) => await (await deskOf(h.session.runtime.app)).store.get(no)

describe('asking for a place', () => {
  it('does not take a new complaint, sent while it waits, for the place of the first', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 楼上每天半夜蹦迪，吵得孩子睡不着')
    const out = await h.run('投诉 東門的道閘壞了，車出不去')
    expect(joined(textsIn(out, '私聊 李先生'))).toContain('已登记工单 #1（邻里噪音）')
    expect(joined(textsIn(out, OWNERS))).toContain('已登记 #2')
    expect(joined(textsIn(out, PROPERTY))).toContain('位置：东门')
    expect((await ticket(1))?.location).toBeNull()
    expect((await ticket(2))?.location?.text).toBe('东门')
  })

  it('does not take a late rating digit or an "ok" for a place', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 楼道灯坏了一个多月了')
    const out = await h.run(':dm', '1')
    expect(joined(textsIn(out, '私聊 张阿姨'))).toContain('您刚才反映的问题还缺具体位置')
    expect(await ticket(1)).toBeUndefined()
    const skipped = await h.run('跳过')
    expect(joined(textsIn(skipped, '私聊 张阿姨'))).toContain('已登记工单 #1（公共设施维修）')
    expect((await ticket(1))?.location).toBeNull()
  })

  it('takes a short place in the compound\'s own words, and a bare room number', async () => {
    await open()
    await h.run(':as 张阿姨', ':dm', '楼道灯坏了一个多月了', '会所后面那条路')
    expect((await ticket(1))?.location?.text).toBe('会所后面那条路')
    await h.run('楼上每天半夜跺脚', '1502')
    expect((await ticket(2))?.location?.text).toBe('1502室')
  })

  it('files the complaint without a place when nobody answers within 30 minutes', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 楼道灯坏了一个多月了')
    expect(await h.run(':clock 2026-12-07 09:29')).toEqual([])
    const out = await h.run(':clock 2026-12-07 09:31')
    expect(joined(textsIn(out, '私聊 张阿姨'))).toContain('已登记工单 #1（公共设施维修）')
    expect(joined(textsIn(out, PROPERTY))).toContain('【新工单 #1】公共设施维修')
    expect(textsIn(out, OWNERS)).toEqual([])
  })

  it('files an urgent complaint at once, then passes the place on', async () => {
    await open()
    const out = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 电梯里困住人了，快来人')
    expect(joined(textsIn(out, OWNERS))).toMatch(/已登记 #1.*（紧急）.*119/)
    expect(joined(textsIn(out, PROPERTY))).toContain('【紧急工单 #1】电梯故障｜紧急')
    expect(joined(textsIn(out, '私聊 张阿姨'))).toContain('请马上补充具体位置')
    const placed = await h.run(':dm', '3号楼2单元')
    expect(textsIn(placed, PROPERTY)).toEqual(['【工单 #1 补充位置】3号楼2单元'])
    expect(joined(textsIn(placed, '私聊 张阿姨'))).toContain('已把位置（3号楼2单元）转告阳光花园物业服务中心')
    expect((await ticket(1))?.location?.text).toBe('3号楼2单元')
  })
})

describe('body commands', () => {
  it('explains requests the state table would allow but that make no sense', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 物业客服电话从来打不通，态度还差')
    const out = await h.run(`:in ${JOINT}`, ':as 钱委员', '/退回 1 不是我们的事', '/转办 1 业委会 再看看', '/回复 abc 你好', '/受理 1', '/受理 1')
    expect(textsIn(out, JOINT)).toEqual([
      '@钱委员 工单 #1 由阳光花园业主委员会负责分派，不能退回给自己。不属于阳光花园业主委员会的，请用 /转办 1 单位 原因 转给负责的单位。',
      '@钱委员 工单 #1 现在就由阳光花园业主委员会负责，请写另一个单位。',
      '@钱委员 “abc”不是工单编号，编号是数字（如 27）。用法：/回复 27 师傅下午两点到场',
      '@钱委员 已受理工单 #1，请在 12月14日（周一）09:00 前办结。',
      '@钱委员 工单 #1 已受理过（已受理），无需重复受理。告知业主进展请用 /回复 1 内容，处理完请用 /办结 1 结果。'
    ])
    expect(joined(textsIn(out, '私聊 张阿姨'))).not.toContain('不属其职责')
  })
})

describe('ratings', () => {
  it('rates the ticket an owner names when several wait', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了', '@小区助手 东门道闸坏了')
    await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/办结 1 已修复', '/办结 2 已修复')
    const out = await h.run(':as 张阿姨', ':dm', '1号 3', '9号 满意', '1')
    expect(textsIn(out, '私聊 张阿姨')).toEqual([
      expect.stringMatching(/^收到您的评价（不满意）。工单 #1 已重新打开.*您还有工单 #2 待评价/),
      '工单 #9 不在待评价之列。您待评价的工单：#2，例如回复“2号 1”。',
      '感谢您对工单 #2 的评价（满意）！'
    ])
    expect((await ticket(1))?.state).toBe('reopened')
    expect((await ticket(2))?.rating).toBe('满意')
  })
})

describe('privacy', () => {
  it('acknowledges a joined neighbour complaint in the group without details, and never names a complainant', async () => {
    await open()
    await h.run(`:in ${OWNERS}`, ':as 钱委员', '@小区助手 6号楼302的狗天天叫，吵死了')
    const second = await h.run(':as 张阿姨', '@小区助手 6号楼302那家的狗一直叫，晚上睡不着')
    expect(textsIn(second, OWNERS)).toEqual(['@张阿姨 收到，为保护隐私，详情已私聊您。'])
    expect(joined(textsIn(second, '私聊 张阿姨'))).toContain('已有业主反映过这件事（工单 #1')
    const details = joined(textsIn(await h.run(':dm', '/工单 1'), '私聊 张阿姨'))
    expect(details).toContain('业主反映，登记工单')
    expect(details).toContain('又有一位业主反映')
    expect(details).not.toContain('钱委员')
  })
})
