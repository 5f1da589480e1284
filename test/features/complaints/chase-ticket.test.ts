import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, openSandbox, textsIn } from '../../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('chasing a ticket by its number', () => {
  it('tells the owner where #N stands and passes the chase to the body', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    const out = await h.run('@小区助手 #1 怎么还没修')
    expect(textsIn(out, '阳光花园业主群')[0]).toMatch(/^@张阿姨 工单 #1 目前「待受理」，由阳光花园物业服务中心负责.*已替您催办/)
    expect(textsIn(out, '物业服务群')[0]).toMatch(/^【业主催办】工单 #1（电梯故障）：怎么还没修/)
    const details = await h.run(':dm', '/工单 1')
    expect(details[0]!.text).toContain('业主催办')
  })

  it('does not reveal or chase a ticket that is not the asker\'s, and #N is never a command', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修')
    const out = await h.run(':as 李先生', '@小区助手 #1 到底修不修')
    expect(out).toHaveLength(1)
    expect(out[0]!.text).toBe('@李先生 想了解工单 #1 的进展，请私聊我发送 /工单 1（反映人和负责单位可以查看）；您自己反映的事项请发送 /我的工单。')
    expect(out[0]!.text).not.toContain('没有「/1」这个命令')
  })

  it('hears `#3 怎么还没修…` without an @: a chase from the complainant, a pointer for others (issue 10)', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修', '@小区助手 6号楼电梯坏了', '@小区助手 7号楼电梯坏了')
    const out = await h.run('#3 怎么还没修，我今天又是爬上去的')
    expect(textsIn(out, '阳光花园业主群')).toEqual([expect.stringMatching(/^@张阿姨 工单 #3 目前「待受理」，由阳光花园物业服务中心负责.*已替您催办。$/)])
    expect(textsIn(out, '物业服务群')).toEqual([expect.stringMatching(/^【业主催办】工单 #3（电梯故障）：怎么还没修，我今天又是爬上去的/)])
    const other = await h.run(':as 李先生', '#3 怎么还没修')
    expect(textsIn(other, '阳光花园业主群')).toEqual(['@李先生 想了解工单 #3 的进展，请私聊我发送 /工单 3（反映人和负责单位可以查看）；您自己反映的事项请发送 /我的工单。'])
    expect(textsIn(other, '物业服务群')).toEqual([])
    expect(await h.run(':as 李先生', '#话题 今天聊聊绿化')).toHaveLength(1) // a #command is still a command
  })

  it('answers a chase of a private ticket privately, even when asked in the group', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 楼上1502每天半夜跺脚拖椅子吵得睡不着')
    const out = await h.run('#1 怎么还没人管')
    expect(textsIn(out, '阳光花园业主群')).toEqual(['@张阿姨 收到，为保护隐私，详情已私聊您。'])
    expect(textsIn(out, '私聊 张阿姨')).toEqual([expect.stringMatching(/^工单 #1 目前「待受理」，由阳光社区居民委员会负责.*已替您催办。$/)])
  })

  it('a chase while a place is awaited is a chase, not the place', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修', '@小区助手 楼上半夜装修电钻吵得睡不着')
    const out = await h.run('@小区助手 #1 怎么还没人管')
    expect(textsIn(out, '阳光花园业主群')[0]).toContain('已替您催办')
    const out2 = await h.run(':dm', '8号楼1201')
    expect(textsIn(out2, '私聊 张阿姨')[0]).toMatch(/已登记工单 #2（邻里噪音，8号楼/)
  })
})
