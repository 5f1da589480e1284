import { afterEach, describe, expect, it } from 'vitest'
import { textsIn, type Harness } from '../../helpers/sandbox-harness.js'
import { OWNERS, PROPERTY, openOnMonday } from '../../complaints/complaint-sandbox.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

// 王女士 is not a friend of the bot: private messages cannot reach her.
describe('an owner who is not the bot\'s friend', () => {
  it('reads the progress of a public ticket in the group, and its status with /工单 N, without names', async () => {
    h = await openOnMonday()
    const filed = await h.run(`:in ${OWNERS}`, ':as 王女士', '报修 3号楼2单元楼道灯坏了，晚上看不见')
    expect(textsIn(filed, OWNERS).join('\n')).toContain('已登记 #1')
    const accepted = await h.run(`:in ${PROPERTY}`, ':as 刘经理', '/受理 1')
    const group = textsIn(accepted, OWNERS)
    expect(group).toHaveLength(1)
    expect(group[0]).toMatch(/^@王女士 您反映的工单 #1（.+）已由.+受理，预计 .+ 前办结。$/)
    expect(group[0]).not.toContain('加我为好友')
    const status = await h.run(`:in ${OWNERS}`, ':as 王女士', '/工单 1')
    const shown = textsIn(status, OWNERS)
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatch(/工单 #1（.+）：.+，由.+负责，办结时限 .+。加我为好友后私聊 \/工单 1 可看处理记录。/)
    expect(shown[0]).not.toMatch(/王女士.*王女士|刘经理/)
  })

  it('reads only that there is progress on a private matter, the same words for every step', async () => {
    h = await openOnMonday()
    const filed = await h.run(`:in ${OWNERS}`, ':as 王女士', '@小区助手 5号楼2单元楼上天天半夜蹦迪太吵了')
    expect(textsIn(filed, OWNERS).join('\n')).not.toContain('蹦迪')
    const late = await h.run(':clock 2026-12-20 09:00')
    const group = textsIn(late, OWNERS)
    expect(group.length).toBeGreaterThan(0)
    expect(new Set(group)).toEqual(new Set(['@王女士 您的反映有新进展，请加我为好友后私聊查看。']))
    const accepted = await h.run(':as 陈主任', ':dm', '/受理 1')
    expect(textsIn(accepted, OWNERS)).toEqual(['@王女士 您的反映有新进展，请加我为好友后私聊查看。'])
  })
})
