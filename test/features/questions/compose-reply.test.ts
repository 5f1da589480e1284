import { describe, expect, it } from 'vitest'
import { composeAnswer, composeFirstSteps, composeSteps, fitSources, GROUP_MAX, MESSAGE_MAX } from '../../../src/features/questions/compose-reply.js'
import type { RenderedSkill } from '../../../src/knowledge/render-skill.js'

const longest = '答'.repeat(300) // a short answer may be this long
const brief = '维修资金属于业主共有，用于共有部分的维修、更新和改造。使用须经业主共同决定，再按当地规定向房管部门申请。'
const rules = ['民法典第二百八十一条', '民法典第二百七十八条']
const offer = '如果这是您正遇到的问题，@我 回复“投诉”，我帮您登记并转给负责的单位跟进。'
const mention = '@一个很长的微信昵称 ' // the outbox puts this in front in groups
const skill = (over: Partial<RenderedSkill> = {}): RenderedSkill => ({
  id: 'x', title: '维修资金怎么申请使用', brief, short: longest, steps: '1. **确认用途**：属于业主共有。\n2. **提出项目**：向业委会反映。\n3. **听取意见**：形成方案。', rules, practices: ['虹口区房管局《建议》·协商议事机制', '武昌区《案例》·成效'], answers: [], ...over
})

describe('composeAnswer in a group', () => {
  it('is the brief, what to do next and one 依据 line of rules, within 4 lines and 200 characters', () => {
    const text = composeAnswer(brief, skill(), { inGroup: true, steps: true })
    expect(text).toBe(`${brief}\n@我 回复“详细”，完整步骤私聊发您\n依据：民法典第二百八十一条；民法典第二百七十八条`)
    expect([...mention + text].length).toBeLessThanOrEqual(GROUP_MAX)
  })

  it('keeps the offer to file before 详细 and drops what does not fit', () => {
    const two = `${brief}\n第二行。`
    const text = composeAnswer(two, skill(), { inGroup: true, steps: true, extra: offer })
    expect(text.split('\n')).toHaveLength(4)
    expect(text).toContain(offer)
    expect(text).not.toContain('详细')
    expect([...mention + text].length).toBeLessThanOrEqual(GROUP_MAX)
  })

  it('has no 依据 line when no rule backs the skill (news and practices are not 依据)', () => {
    expect(composeAnswer('接待日每月一次。', skill({ rules: [] }), { inGroup: true, steps: false })).toBe('接待日每月一次。')
  })

  it('names a committee answer after 来源', () => {
    expect(composeAnswer('六月开放。', skill({ rules: [], answers: ['业委会答复 Q1（2026-11-22）'] }), { inGroup: true, steps: false })).toBe('六月开放。\n来源：业委会答复 Q1（2026-11-22）')
  })
})

describe('composeAnswer in private', () => {
  it('keeps the short answer, 依据, 详细 and the offer within one message', () => {
    const text = composeAnswer(longest, skill({ rules: Array.from({ length: 12 }, (_, i) => `某省物业管理条例实施细则第${i}号补充规定`) }), { inGroup: false, steps: true, extra: offer })
    expect([...mention + text].length).toBeLessThanOrEqual(MESSAGE_MAX)
    expect(text.startsWith(`${longest}\n依据：某省`)).toBe(true)
    expect(text.endsWith(`\n回复“详细”查看完整步骤\n${offer}`)).toBe(true)
  })

  it('lists every rule in full when they fit', () => {
    expect(composeAnswer('简答。', skill(), { inGroup: false, steps: true })).toBe('简答。\n依据：民法典第二百八十一条；民法典第二百七十八条\n回复“详细”查看完整步骤')
  })
})

describe('sources and steps', () => {
  it('runs articles of one code together when the names do not fit', () => {
    expect(fitSources(rules, 20)).toBe('民法典第二百八十一条、第二百七十八条')
  })

  it('puts the practices after 做法参考 in the steps, without their sections', () => {
    expect(composeSteps(skill())).toBe('【维修资金怎么申请使用】\n1. 确认用途：属于业主共有。\n2. 提出项目：向业委会反映。\n3. 听取意见：形成方案。\n依据：民法典第二百八十一条；民法典第二百七十八条\n做法参考：虹口区房管局《建议》；武昌区《案例》')
  })

  it('gives a person who is not a friend the first steps in one group message', () => {
    const long = Array.from({ length: 9 }, (_, i) => `${i + 1}. ${'步'.repeat(40)}`).join('\n')
    const text = composeFirstSteps(skill({ steps: long }))
    expect(text).toMatch(/^1\. 步+\n2\. 步+\n3\. 步+\n加我为好友后私聊“详细”，可看完整步骤。$/)
    expect([...mention + text].length).toBeLessThanOrEqual(GROUP_MAX)
  })
})
