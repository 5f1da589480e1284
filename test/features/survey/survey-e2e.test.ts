import { afterEach, describe, expect, it } from 'vitest'
import { openSandbox, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

describe('the half-yearly opinion survey', () => {
  it('opens on schedule, takes one rating per owner privately, and publishes after the chair approves', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-05-31 09:00')
    const opened = await h.run(':clock 2027-06-01 09:00')
    expect(textsIn(opened, OWNERS).join('\n')).toContain('【2027年上半年物业服务意见征询】')

    const rated = await h.run(':as 张阿姨', ':dm', '/评分 2 电梯故障多', '/评分 4 电梯故障修得快了')
    expect(textsIn(rated, '私聊 张阿姨').at(-1)).toContain('已记录您的评分：4分（已更新您之前的回答）')
    await h.run(':as 李先生', '/评分 五 保洁好，电梯故障少')
    // 王女士 is not a friend: her group rating is acknowledged without repeating it
    const inGroup = await h.run(':as 王女士', ':in 阳光花园业主群', '/评分 1 门禁坏了')
    expect(inGroup[0]?.text).toBe('@王女士 已收到您的意见征询回复，谢谢参与！')
    expect(textsIn(await h.run('/评分 9'), OWNERS)[0]).toContain('分数1到5')

    const closed = await h.run(':clock 2027-06-15 09:00')
    const chair = textsIn(closed, '私聊 赵主任').join('\n')
    expect(chair).toContain('参与：3人；平均分：3.33')
    expect(chair).toContain('电梯（2条）')
    expect(textsIn(closed, OWNERS).join('\n')).not.toContain('结果')
    // issue 10: every written comment reaches the chair privately, with its themes, and nowhere else
    const comments = textsIn(closed, '私聊 赵主任').find(t => t.includes('文字意见（'))!
    expect(comments).toMatch(/^【2027年上半年物业服务意见征询 文字意见（共3条，仅供主任参阅，不公开姓名）】\n主题：电梯（2条）、故障（2条）/)
    expect(comments).toContain('4分｜电梯故障修得快了〔电梯、故障〕')
    expect(comments).toContain('5分｜保洁好，电梯故障少〔电梯、故障〕')
    expect(comments).toContain('1分｜门禁坏了')
    expect(comments).not.toMatch(/张阿姨|李先生|王女士/)
    for (const t of textsIn(closed, '四位一体工作群')) expect(t).not.toContain('门禁坏了')
    const again = await h.run(':as 赵主任', ':dm', '/征询 意见')
    expect(again).toEqual([{ chat: '私聊 赵主任', text: comments }])
    expect(textsIn(await h.run(':as 钱委员', ':dm', '/征询 意见'), '私聊 钱委员')).toEqual(['全部文字意见只发给业委会主任。'])

    const late = await h.run(':as 张阿姨', ':dm', '/评分 3')
    expect(late[0]?.text).toContain('目前没有进行中的意见征询')
    const published = await h.run(':as 赵主任', ':dm', '/征询 公布')
    const result = textsIn(published, OWNERS)
    expect(result).toEqual([expect.stringContaining('【2027年上半年物业服务意见征询 结果】')])
    expect(result[0]).toContain('参与：3人；平均分：3.33')
    expect(result[0]).toContain('5分：1人；4分：1人；3分：0人；2分：0人；1分：1人')
    expect(result[0]).toContain('意见中常提到：电梯（2条）、故障（2条）')
    expect(result[0]).not.toMatch(/门禁坏了|修得快了/)
  })

  it('keeps property staff out, runs one survey at a time, and publishes once', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-03-01 09:00')
    const started = await h.run(':as 赵主任', ':dm', '/征询 发起 7')
    expect(textsIn(started, OWNERS)[0]).toContain('每人一票')
    const second = await h.run('/征询 发起 7')
    expect(second[0]?.text).toContain('正在进行，2027年3月8日（周一）09:00截止')
    const early = await h.run('/征询 公布')
    expect(early[0]?.text).toContain('还在进行')

    const staff = await h.run(':as 刘经理', ':dm', '/评分 5 物业很好')
    expect(staff[0]?.text).toContain('物业工作人员不参加评分')
    await h.run(':as 张阿姨', '/评分 3 电梯故障多')

    const closed = await h.run(':clock 2027-03-08 09:00')
    expect(textsIn(closed, '私聊 赵主任').join('\n')).toContain('参与：1人；平均分：3.00')
    await h.run(':as 赵主任', ':dm', '/征询 公布')
    const twice = await h.run('/征询 公布')
    expect(twice[0]?.text).toContain('已经公布过了')
    expect(textsIn(h.sent, OWNERS).filter(t => t.includes('结果】'))).toHaveLength(1)
  })

  it('ends a survey still running when the scheduled one opens, and still reports its result', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-05-25 09:00', ':as 赵主任', ':dm', '/征询 发起 14', ':as 张阿姨', '/评分 2 保洁差')
    await h.run(':clock 2027-06-01 09:00')
    const after = await h.run(':clock 2027-06-01 09:01')
    const chair = textsIn(after, '私聊 赵主任').join('\n')
    expect(chair).toContain('参与：1人；平均分：2.00')
    const rated = await h.run(':as 李先生', ':dm', '/评分 4')
    expect(rated[0]?.text).toContain('已记录您的评分：4分')
  })
})
