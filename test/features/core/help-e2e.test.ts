import { afterEach, describe, expect, it } from 'vitest'
import { OWNER_HELP_MAX_LINES } from '../../../src/features/core/help.js'
import { type Harness, openSandbox, textsIn } from '../../helpers/sandbox-harness.js'

const GROUP = '阳光花园业主群'
let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

/** Commands, or parts of them, an owner cannot use. */
const NOT_FOR_OWNERS = /新建|取消|\/答复|\/收录|\/问题|\/公示 |\/角色|\/征询|\/受理|\/办结|\/议程|\/认证/

describe('/帮助', () => {
  it('shows an owner at most 8 lines, only what an owner can use, in the group and in private', async () => {
    h = await openSandbox()
    const [group] = await h.run(':as 张阿姨', '/帮助')
    const [direct] = textsIn(await h.run(':dm', '/帮助'), '私聊 张阿姨')
    for (const text of [group!.text, direct!]) {
      expect(text.split('\n').length).toBeLessThanOrEqual(OWNER_HELP_MAX_LINES)
      expect(text).not.toMatch(NOT_FOR_OWNERS)
      expect(text).toContain('/余额')
      expect(text).toContain('/评分')
      expect(text).toContain('/我的工单')
    }
    expect(group!.chat).toBe(GROUP)
  })

  it('shows a committee member the owners\' part in the group, and the member\'s own commands in private', async () => {
    h = await openSandbox()
    const [group] = await h.run(':as 赵主任', '/帮助')
    expect(group!.text.split('\n').length).toBeLessThanOrEqual(OWNER_HELP_MAX_LINES)
    expect(group!.text).not.toMatch(NOT_FOR_OWNERS)
    expect(group!.text).toMatch(/\n您的职务命令：私聊我发 \/帮助 查看$/)
    const direct = textsIn(await h.run(':dm', '/帮助'), '私聊 赵主任').join('\n')
    expect(direct).toContain('\n\n您的职务命令：\n')
    expect(direct).toContain('/答复 答复转来的问题')
    expect(direct).toContain('/公示 预览、发布或补发')
    expect(direct).toContain('/会议 会议通知：新建')
  })
})
