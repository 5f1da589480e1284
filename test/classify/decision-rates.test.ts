import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { classifyMessage, type Where } from '../../src/classify/classify-message.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { QUOTED_QUESTIONS } from '../fixtures/issue-10-cases.js'

// Issue 10, "Done when": on ALL labelled sets, through the decision the bot and `npm run classify`
// share, questions filed as tickets ≤ 1 %, complaints still filed ≥ 98 %, every life-safety
// example urgent. A question is every `questions`/`unknown`/`non_complaints`/`chat` line, and a
// complaint fixture marked `question: true`; a complaint is every `complaints` line and a question
// fixture marked `report: true` (a plain report with no question in it).
//
// Hold-out 5 (questions-holdout-5.yaml, complaints-holdout-5.yaml) was written before any
// tuning for issue 10. First measurement, on the decision as it was: questions filed 9/47
// (19.1 %), complaints filed 44/47 (93.6 %), life-safety urgent 7/13. After the rework
// (clause-by-clause question reading, urgency rules): 0/47, 47/47, 13/13 — tuned on the other
// sets and on the quoted cases, but hold-out 5 has since been looked at, so it is no
// longer clean either.

interface Fixture {
  questions?: Array<{ q: string, report?: boolean }>
  unknown?: string[]
  chat?: string[]
  non_complaints?: string[]
  complaints?: Array<{ text: string, urgent?: boolean, question?: boolean }>
}

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url))
const files = readdirSync(dir).filter(f => /^(complaints|questions).*\.yaml$/.test(f))
const sets = files.map(f => parse(readFileSync(dir + f, 'utf8')) as Fixture)
const questions = sets.flatMap(s => [
  ...(s.questions ?? []).filter(q => q.report !== true).map(q => q.q),
  ...(s.complaints ?? []).filter(c => c.question === true).map(c => c.text),
  ...s.unknown ?? [], ...s.non_complaints ?? [], ...s.chat ?? []
])
const complaints = sets.flatMap(s => [
  ...(s.complaints ?? []).filter(c => c.question !== true),
  ...(s.questions ?? []).filter(q => q.report === true).map(q => ({ text: q.q, urgent: false }))
])

const kb = await KnowledgeBase.open(DEFAULT_SKILLS_DIR)
const where: Where = { chat: 'group', mentioned: true }
const decide = (text: string) => classifyMessage(text, where, kb)

describe('the decision on every labelled set (issue 10)', () => {
  it('reads all fixture files, the fresh hold-out 5 included', () => {
    expect(files).toEqual(expect.arrayContaining(['questions-holdout-5.yaml', 'complaints-holdout-5.yaml']))
    expect(questions.length).toBeGreaterThan(400)
    expect(complaints.length).toBeGreaterThan(350)
  })

  it('files at most 1 % of the questions as tickets', () => {
    const filed = questions.filter(q => decide(q).intent === 'complaint')
    console.log(`questions filed as tickets: ${filed.length}/${questions.length} (${(100 * filed.length / questions.length).toFixed(2)} %)`, filed)
    expect(filed.length / questions.length).toBeLessThanOrEqual(0.01)
  })

  it('still files at least 98 % of the complaints', () => {
    const missed = complaints.filter(c => decide(c.text).intent !== 'complaint')
    console.log(`complaints filed: ${complaints.length - missed.length}/${complaints.length}`, missed.map(c => c.text))
    expect(1 - missed.length / complaints.length).toBeGreaterThanOrEqual(0.98)
  })

  it('makes every life-safety example urgent', () => {
    const safety = complaints.filter(c => c.urgent === true)
    expect(safety.length).toBeGreaterThanOrEqual(30)
    expect(safety.filter(c => !decide(c.text).urgent).map(c => c.text)).toEqual([])
  })
})

describe('the cases quoted in issue 10', () => {
  it.each(QUOTED_QUESTIONS)('answers %s with the offer, no ticket', text => {
    expect(decide(text)).toMatchObject({ intent: 'question', offer: true })
  })

  it.each([
    '5号楼电梯坏了三天了没人修，我腿脚不好爬不动',
    '电梯又坏了 5号楼 老人下不了楼',
    '2号楼电梯停了，楼上住着坐轮椅的老人下不来',
    '小区门口井盖没了，晚上太黑，差点有人掉下去',
    '楼道里有很重的煤气味',
    '配电箱在冒火花',
    '地下车库进水了，水已经没过轮胎',
    '楼上掉下来一个花盆，差点砸到人'
  ])('files %s as urgent', text => {
    expect(decide(text)).toMatchObject({ intent: 'complaint', urgent: true })
  })

  it('does not make a lift complaint urgent when nobody is stranded', () => {
    expect(decide('7栋2单元的电梯又停了，老人天天爬十几楼受不了')).toMatchObject({ intent: 'complaint', urgent: false })
  })

  it('hears 举报 and triggers split by zero-width or bidi marks', () => {
    expect(decide('举报 2号楼顶楼有人搭违建阳光房')).toMatchObject({ intent: 'complaint', category: 'illegal_construction' })
    for (const mark of ['\u200b', '\u200f', '\u202e', '\u2066', '\ufeff', '\u061c']) {
      expect(decide(`报${mark}修 3号楼楼道灯坏了`), JSON.stringify(mark)).toMatchObject({ intent: 'complaint', category: 'facility_repair' })
    }
  })
})

describe('urgency stays for life safety only', () => {
  it.each([
    '7栋2单元的电梯又停了，老人天天爬十几楼受不了',
    '2号楼门口的井盖松了，踩上去咣当响',
    '物业可以随便进我家检查燃气吗',
    '燃气费怎么交',
    '下周消防演练，大家注意',
    '楼道声控灯全不亮，上次我妈差点摔了'
  ])('%s is not urgent', text => {
    expect(decide(text).urgent).toBe(false)
  })
})
