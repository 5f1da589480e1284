import { afterEach, describe, expect, it } from 'vitest'
import type { Harness } from '../../helpers/sandbox-harness.js'
import { textsIn } from '../../helpers/sandbox-harness.js'
import { JOINT, OWNERS, PROPERTY, joined, openOnMonday } from '../../complaints/complaint-sandbox.js'
import { QUOTED_QUESTIONS } from '../../fixtures/issue-10-cases.js'

// Issue 10, end to end on the mock puppet from Monday 2026-12-07 09:00: what each person sees
// when a question is asked, when a place is awaited, when a life-safety report comes in, and
// when a trigger comes without an @ or with invisible marks.

let h: Harness
afterEach(async () => { await h.dispose() })

/** Everything the bodies see: the property group, the joint group, 陈主任 and 孙书记 privately. */
const bodies = (sent: Harness['sent']): string => joined([...textsIn(sent, PROPERTY), ...textsIn(sent, JOINT), ...textsIn(sent, '私聊 陈主任'), ...textsIn(sent, '私聊 孙书记')])

describe('a question is answered, not filed (issue 10)', () => {
  it.each(QUOTED_QUESTIONS)('@小区助手 %s → an answer and the offer, no ticket', async question => {
    h = await openOnMonday()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', `@小区助手 ${question}`)
    const seen = joined(textsIn(out, OWNERS))
    expect(seen).toMatch(/^@李先生 /)
    expect(seen).toContain('@我 回复“投诉”，我帮您登记')
    expect(seen).not.toMatch(/已登记|工单/)
    expect(bodies(out)).not.toMatch(/工单|提示函|警示函/)
    expect(joined(textsIn(out, '私聊 李先生'))).not.toMatch(/已登记|工单/)
    expect(joined(textsIn(await h.run(':dm', '/我的工单'), '私聊 李先生'))).toContain('您还没有反映过问题')
  })

  it('files the question only when the owner replies 投诉 to the offer', async () => {
    h = await openOnMonday()
    await h.run(`:in ${OWNERS}`, ':as 李先生', '@小区助手 楼道里能不能放鞋柜')
    const offered = await h.run('@小区助手 投诉')
    expect(joined(textsIn(offered, '私聊 李先生'))).toContain('请补充具体位置')
    const filed = await h.run(':dm', '6号楼')
    expect(joined(textsIn(filed, '私聊 李先生'))).toContain('已登记工单 #1（消防安全，6号楼')
    expect(joined(textsIn(filed, PROPERTY))).toContain('【新工单 #1】消防安全')
  })
})

describe('a pending place takes only a place (issue 10)', () => {
  it('handles "今天天气怎么样" as a new message, asks for the place once more, then takes 5号楼2单元', async () => {
    h = await openOnMonday()
    const asked = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 楼道里有人堆了好多纸箱，把安全出口都堵了')
    expect(joined(textsIn(asked, '私聊 张阿姨'))).toContain('请补充具体位置')
    expect(bodies(asked)).toBe('')

    const weather = await h.run('@小区助手 今天天气怎么样')
    expect(joined(textsIn(weather, '私聊 张阿姨'))).toContain('您刚才反映的问题还缺具体位置')
    expect(bodies(weather)).toBe('') // nothing filed, and never 位置：今天天气怎么样
    expect(joined(h.sent.map(m => m.text))).not.toContain('位置：今天天气怎么样')

    const placed = await h.run(':dm', '5号楼2单元')
    expect(joined(textsIn(placed, '私聊 张阿姨'))).toContain('已登记工单 #1（消防安全，5号楼2单元')
    expect(joined(textsIn(placed, PROPERTY))).toContain('位置：5号楼2单元')
  })

  it('takes a landmark of the compound YAML as the place', async () => {
    h = await openOnMonday()
    await h.run(':as 张阿姨', ':dm', '路灯坏了好几天了，晚上黑漆漆的')
    const placed = await h.run('幼儿园')
    expect(joined(textsIn(placed, '私聊 张阿姨'))).toContain('已登记工单 #1（公共设施维修，幼儿园')
  })
})

describe('life-safety reports are urgent (issue 10)', () => {
  it.each([
    '5号楼电梯坏了三天了没人修，我腿脚不好爬不动',
    '电梯又坏了 5号楼 老人下不了楼',
    '2号楼电梯停了，楼上住着坐轮椅的老人下不来',
    '小区门口井盖没了，差点有人掉下去'
  ])('@小区助手 %s → urgent: 30 minutes to accept, 2 hours to close, with the advice', async report => {
    h = await openOnMonday()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', `@小区助手 ${report}`)
    const owner = joined([...textsIn(out, OWNERS), ...textsIn(out, '私聊 李先生')])
    expect(owner).toContain('12月7日（周一）09:30前受理、11:00前办结')
    expect(owner).toContain('119')
    expect(joined(textsIn(out, PROPERTY))).toMatch(/【紧急工单 #1】[^\n]*｜紧急/)
  })
})

describe('triggers without an @ (issue 10)', () => {
  it('hears 举报 like 投诉 and 报修', async () => {
    h = await openOnMonday()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '举报 2号楼顶楼有人搭违建阳光房')
    expect(joined([...textsIn(out, OWNERS), ...textsIn(out, '私聊 李先生')])).toMatch(/已登记(工单)? #1/)
    expect(joined(textsIn(out, '私聊 陈主任'))).toContain('违法搭建')
  })

  it('hears 报\\u200b修 and a trigger behind an RTL mark', async () => {
    h = await openOnMonday()
    const out = await h.run(`:in ${OWNERS}`, ':as 李先生', '报\u200b修 3号楼楼道灯坏了', '\u200f投\u2066诉 4号楼单元门的门禁坏了')
    expect(textsIn(out, OWNERS)).toEqual([expect.stringMatching(/^@李先生 已登记 #1/), expect.stringMatching(/^@李先生 已登记 #2/)])
    const cards = joined(textsIn(out, PROPERTY))
    expect(cards).toContain('位置：3号楼 楼道')
    expect(cards).toContain('位置：4号楼')
  })
})
