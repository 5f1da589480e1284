import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'
import { answerQuestion, type Answer } from '../../src/knowledge/answer-question.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { toSimplified } from '../../src/text/to-simplified.js'

const fixtures = z.object({
  questions: z.array(z.object({ q: z.string(), skill: z.string() })),
  unknown: z.array(z.string()),
  chat: z.array(z.string())
}).parse(parse(readFileSync(fileURLToPath(new URL('../fixtures/questions.yaml', import.meta.url)), 'utf8')))

const kb = await KnowledgeBase.open(DEFAULT_SKILLS_DIR)
const top = (a: Answer): string | null => a.kind === 'answer' ? a.skill.id : a.kind === 'choices' ? a.skills[0]?.id ?? null : null

describe('the question fixtures', () => {
  it('are enough, with Traditional ones among them, and not copied from the skills', () => {
    expect(fixtures.questions.length).toBeGreaterThanOrEqual(110)
    expect(fixtures.questions.filter(q => toSimplified(q.q) !== q.q).length).toBeGreaterThanOrEqual(15)
    expect(fixtures.chat.length).toBeGreaterThanOrEqual(35)
    const examples = new Set(kb.skills.flatMap(s => s.examples.map(e => toSimplified(e).replace(/[?？。！，,\s]/g, ''))))
    const copied = fixtures.questions.filter(q => examples.has(toSimplified(q.q).replace(/[?？。！，,\s]/g, '')))
    expect(copied).toEqual([])
  })

  it('name existing skills', () => {
    expect(fixtures.questions.filter(q => kb.get(q.skill) === undefined)).toEqual([])
  })
})

describe('answerQuestion', () => {
  it('puts the right skill first for at least 90% of owner questions', () => {
    const misses = fixtures.questions
      .map(({ q, skill }) => ({ q, want: skill, got: answerQuestion(kb, q) }))
      .filter(r => top(r.got) !== r.want)
    const accuracy = 1 - misses.length / fixtures.questions.length
    console.log(`top-1 accuracy ${(accuracy * 100).toFixed(1)}% (${fixtures.questions.length - misses.length}/${fixtures.questions.length})`)
    for (const m of misses) console.log(`  miss: ${m.q} → ${m.got.kind} ${top(m.got) ?? '-'} (want ${m.want})`)
    expect(accuracy).toBeGreaterThanOrEqual(0.9)
  })

  // Each holdout was written before it was first run. Later changes to the skills looked at
  // holdout and holdout-2 (their numbers have been tuned on); holdout-3 was written after
  // that tuning. First measured top-1: holdout-2 56.7% (17/30), holdout-3 80.0% (24/30).
  // holdout-4 (40, eight in Traditional) was written before the round of examples and
  // synonyms that followed it, and not read while tuning: first measured 90.0% (36/40).
  it.each([
    ['questions-holdout.yaml', 0.8],
    ['questions-holdout-2.yaml', 0.8],
    ['questions-holdout-3.yaml', 0.75],
    ['questions-holdout-4.yaml', 0.8]
  ])('holds up on questions written after tuning (%s, reported; a lower bar)', (file, bar) => {
    const holdout = z.object({ questions: z.array(z.object({ q: z.string(), skill: z.string() })).min(30) })
      .parse(parse(readFileSync(fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)), 'utf8')))
    expect(holdout.questions.filter(q => kb.get(q.skill) === undefined)).toEqual([])
    const hits = holdout.questions.filter(({ q, skill }) => top(answerQuestion(kb, q)) === skill).length
    console.log(`${file} top-1 accuracy ${(100 * hits / holdout.questions.length).toFixed(1)}% (${hits}/${holdout.questions.length})`)
    expect(hits / holdout.questions.length).toBeGreaterThanOrEqual(bar)
  })

  it('answers a short question that names one topic of the compound, without answering chat that names it', () => {
    expect(answerQuestion(kb, '换物业')).toMatchObject({ kind: 'answer', skill: { id: 'property-company-selection' } })
    expect(answerQuestion(kb, '業委會一個月開幾次會')).toMatchObject({ kind: 'answer', skill: { id: 'committee-duties' } })
    expect(answerQuestion(kb, '维修资金')).toMatchObject({ kind: 'choices', skills: [{ id: 'maintenance-fund-use' }, { id: 'fund-disclosure' }] })
    for (const chat of ['物业好', '业委会加油', '物业小哥辛苦了', '下届世界杯在哪', '今天开会的人多吗', '出租房子有人要吗', '你会唱歌吗']) {
      expect(answerQuestion(kb, chat).kind, chat).toBe('unknown')
    }
  })

  it('never answers a chat line', () => {
    const answered = fixtures.chat.filter(c => answerQuestion(kb, c).kind !== 'unknown')
    expect(answered).toEqual([])
  })

  it('does not answer outright a compound question no skill covers', () => {
    const answered = fixtures.unknown.filter(q => answerQuestion(kb, q).kind === 'answer')
    expect(answered).toEqual([])
  })

  it('offers two or three numbered choices when unsure', () => {
    const choices = fixtures.questions.map(({ q }) => answerQuestion(kb, q)).filter(a => a.kind === 'choices')
    expect(choices.length).toBeGreaterThan(0)
    for (const c of choices) {
      expect(c.skills.length).toBeGreaterThanOrEqual(2)
      expect(c.skills.length).toBeLessThanOrEqual(3)
      expect(c.scores).toEqual([...c.scores].sort((a, b) => b - a))
    }
  })

  it('understands Traditional and synonyms the same as Simplified', () => {
    expect(top(answerQuestion(kb, '維修基金要怎麼申請'))).toBe('maintenance-fund-use')
    expect(top(answerQuestion(kb, '大修基金怎么申请'))).toBe('maintenance-fund-use')
  })

  it('says unknown for empty and punctuation-only text', () => {
    expect(answerQuestion(kb, '').kind).toBe('unknown')
    expect(answerQuestion(kb, '？？？').kind).toBe('unknown')
  })
})

describe('vague questions and questions about the bot', () => {
  const ids = (a: Answer): string[] => a.kind === 'answer' ? [a.skill.id] : a.kind === 'choices' ? a.skills.map(s => s.id) : []

  it('offers the likely topics of a question too vague to answer, from skills/vague.yaml', () => {
    expect(answerQuestion(kb, '那个钱的事怎么说')).toMatchObject({ kind: 'choices' })
    expect(ids(answerQuestion(kb, '钱的事'))).toEqual(['fund-disclosure', 'maintenance-fund-use', 'property-fees'])
    expect(ids(answerQuestion(kb, '那个事后来怎么样了'))).toEqual(['bot-ticket', 'bot-questions'])
    expect(answerQuestion(kb, '今天天气怎么样了')).toMatchObject({ kind: 'unknown' })
  })

  it('answers when the one likely topic is clear', () => {
    expect(answerQuestion(kb, '我家两套房 投票算几票')).toMatchObject({ kind: 'answer', skill: { id: 'owners-voting' } })
  })

  it('answers how to rate, how to chase a ticket and what the bot can do from the bot-* skills', () => {
    for (const [q, id] of [['怎么评分啊，我不会弄', 'bot-rating'], ['怎么评分', 'bot-rating'], ['工单怎么催', 'bot-ticket'], ['你能做什么', 'bot-help']]) {
      expect(answerQuestion(kb, q!), q).toMatchObject({ kind: 'answer', skill: { id } })
    }
  })
})
