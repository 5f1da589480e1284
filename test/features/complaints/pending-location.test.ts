import { describe, expect, it } from 'vitest'
import { explainComplaint } from '../../../src/complaints/classify-complaint.js'
import { answerJudge, readLocationAnswer } from '../../../src/features/complaints/pending-location.js'

const judge = answerJudge(explainComplaint)
const LANDMARKS = ['会所', '三期', '业委会办公室']
const read = (text: string, category = 'facility_repair') => readLocationAnswer(text, category, judge, LANDMARKS)
const place = (text: string, category?: string): string | undefined => {
  const a = read(text, category)
  return a.kind === 'place' ? a.location.text : undefined
}

describe('readLocationAnswer', () => {
  it('takes places, in numbers, words or the compound\'s own names', () => {
    expect(place('6号楼3单元')).toBe('6号楼3单元')
    expect(place('我在9号楼')).toBe('9号楼')
    expect(place('东门')).toBe('东门')
    expect(place('302')).toBe('302室')
    expect(place('会所后面那条路')).toBe('会所后面那条路')
    expect(place('三期北边的小路')).toBe('三期北边的小路')
    expect(place('业委会办公室门口')).toBe('业委会办公室门口') // 业委会 is a topic word, not a new complaint
  })

  it('takes only a place: not the weather, a greeting or a free phrase that names none (issue 10)', () => {
    for (const t of ['今天天气怎么样', '你好', '明天再说吧', '北边的小路']) expect(read(t).kind, t).toBe('other')
    expect(readLocationAnswer('三期北边的小路', 'facility_repair', judge).kind).toBe('other') // 三期 is no landmark here
  })

  it('takes the place from a message that restates the same matter', () => {
    expect(place('6号楼楼道灯坏了')).toBe('6号楼 楼道')
  })

  it('does not take another matter, a command, a question or an "ok" for a place', () => {
    expect(read('东门道闸坏了，车出不去', 'noise').kind).toBe('other')
    expect(read('投诉 5号楼电梯坏了').kind).toBe('other')
    expect(read('/我的工单').kind).toBe('other')
    for (const t of ['好的', '1', '3', '谢谢', '？', '什么位置？']) expect(read(t).kind, t).toBe('other')
  })

  it('lets the owner skip, and masks a phone number given as the place', () => {
    expect(read('不知道').kind).toBe('skip')
    expect(place('会所旁边，电话13812345678')).toBe('会所旁边，电话138****5678')
  })
})
