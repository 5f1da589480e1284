import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, openSandbox, textsIn } from '../../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('calendar notices that draw on the complaints', () => {
  it('the monthly joint-meeting notice carries the tickets on its agenda', async () => {
    h = await openSandbox()
    await h.run(':as 李先生', '@小区助手 3号楼楼顶漏水找物业，物业说要用维修资金找业委会，业委会又说找居委会，到底谁管')
    const out = await h.run(':clock 2026-12-20 09:00')
    const notice = textsIn(out, '四位一体工作群').find(t => t.startsWith('【四位一体联席会议通知】'))
    expect(notice).toBeDefined()
    expect(notice).toMatch(/待议工单[^\n]*\n\s+\S*#1 多方推诿/)
    expect(notice).not.toContain('李先生')
  })

  it('the quarterly work-report reminder includes the quarter\'s complaint figures', async () => {
    h = await openSandbox()
    await h.run(':as 张阿姨', '@小区助手 5号楼电梯坏了三天了没人修', ':in 物业服务群', ':as 刘经理', '/受理 1', '/办结 1 已修好')
    const out = await h.run(':clock 2027-01-01 09:00')
    const reminder = out.map(m => m.text).find(t => t.includes('季度书面工作报告'))
    expect(reminder).toContain('2026年第4季度')
    expect(reminder).toMatch(/工单 1 件/)
    expect(reminder).toContain('调处率')
  })
})
