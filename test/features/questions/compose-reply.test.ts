import { describe, expect, it } from 'vitest'
import { composeAnswer, MESSAGE_MAX } from '../../../src/features/questions/compose-reply.js'

const longest = '答'.repeat(300) // a short answer may be this long
const sources = Array.from({ length: 6 }, (_, i) => `某区房管局《关于加强业主委员会建设的若干意见第${i}号》·三、对策建议·内部管理机制`)
const offer = '如果这是您正遇到的问题，@我 回复“投诉”，我帮您登记并转给负责的单位跟进。'
const mention = '@一个很长的微信昵称的业主 ' // the outbox puts this in front in groups

describe('composeAnswer', () => {
  it('keeps the answer, 依据, 详细 and the offer to file in one message, shortening the sources', () => {
    const text = composeAnswer(longest, sources, { inGroup: true, steps: true, extra: offer })
    expect([...mention + text].length).toBeLessThanOrEqual(MESSAGE_MAX)
    expect(text.startsWith(`${longest}\n依据：某区房管局`)).toBe(true)
    expect(text.endsWith(`\n@我 回复“详细”查看完整步骤\n${offer}`)).toBe(true)
  })

  it('lists every source in full when they fit', () => {
    const text = composeAnswer('简答。', ['民法典第二百八十一条', '民法典第二百七十八条'], { inGroup: false, steps: true })
    expect(text).toBe('简答。\n依据：民法典第二百八十一条；民法典第二百七十八条\n回复“详细”查看完整步骤')
  })

  it('offers no 详细 for an answer without steps (a committee answer)', () => {
    expect(composeAnswer('六月开放。', ['业委会答复 Q1（2026-11-22）'], { inGroup: true, steps: false })).toBe('六月开放。\n依据：业委会答复 Q1（2026-11-22）')
  })
})
