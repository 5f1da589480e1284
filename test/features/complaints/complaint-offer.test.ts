import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, openSandbox, textsIn } from '../../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('a question that describes a problem', () => {
  it('is answered with the procedure and an offer; "投诉" then registers it as a ticket', async () => {
    h = await openSandbox()
    const [answer] = await h.run(':as 李先生', ':dm', '楼上邻居半夜蹦迪太吵了，找谁')
    expect(answer!.text).toContain('依据')
    expect(answer!.text).toContain('回复“投诉”')
    const [where] = await h.run('投诉')
    expect(where!.text).toContain('请补充具体位置')
    const out = await h.run('8号楼1201')
    expect(textsIn(out, '私聊 李先生').join('\n')).toMatch(/已登记工单 #1（邻里噪音/)
    const ticket = (await h.run('/工单 1'))[0]!.text
    expect(ticket).toContain('楼上邻居半夜蹦迪太吵了')
  })

  it('a plain procedural question gets no offer, and a bare "投诉" without one asks for details', async () => {
    h = await openSandbox()
    const [answer] = await h.run(':as 李先生', ':dm', '业委会一个月开几次例会')
    expect(answer!.text).not.toContain('回复“投诉”')
    const [ask] = await h.run('投诉')
    expect(ask!.text).toContain('请在“投诉”或“报修”后面写明问题')
  })

  it('a story of being pushed from body to body is a ticket for the joint meeting, not an answer', async () => {
    h = await openSandbox()
    const out = await h.run(':as 李先生', '@小区助手 车库漏水找物业，物业说找业委会，业委会又说找居委会，到底谁管')
    expect(textsIn(out, '阳光花园业主群')[0]).toMatch(/已登记 #1，已转四位一体联席会议/)
  })
})
