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
    expect(out[0]!.text).toContain('没有找到您反映的工单 #1')
    expect(out[0]!.text).not.toContain('没有「/1」这个命令')
  })

  it('a chase while a place is awaited is a chase, not the place', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修', '@小区助手 楼上半夜装修电钻吵得睡不着')
    const out = await h.run('@小区助手 #1 怎么还没人管')
    expect(textsIn(out, '阳光花园业主群')[0]).toContain('已替您催办')
    const [place] = await h.run(':dm', '8号楼1201')
    expect(place!.text).toMatch(/已登记工单 #2（邻里噪音，8号楼/)
  })
})
