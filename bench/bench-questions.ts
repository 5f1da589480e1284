import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { answerQuestion } from '../src/knowledge/answer-question.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from '../src/knowledge/knowledge-base.js'
import { summarize, time } from './stats.js'

type Fixture = { questions: Array<{ q: string, skill: string }> }
const read = (name: string) => (parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8')) as Fixture).questions

/** Offline answer time, index build time for all skills, and top-1 accuracy on unseen wording. */
export async function benchQuestions (): Promise<Record<string, unknown>> {
  const builds: number[] = []
  let kb: KnowledgeBase | undefined
  for (let i = 0; i < 10; i++) builds.push(await time(async () => { kb = await KnowledgeBase.open(DEFAULT_SKILLS_DIR); kb.prepare() }))
  const questions = read('questions.yaml')
  const holdout = read('questions-holdout.yaml')
  const answers: number[] = []
  for (let round = 0; round < 5; round++) {
    for (const { q } of questions) {
      const t0 = performance.now()
      answerQuestion(kb!, q)
      answers.push(performance.now() - t0)
    }
  }
  const top1 = (set: typeof questions) => {
    const right = set.filter(({ q, skill }) => kb!.search(q, 1)[0]?.skill.id === skill).length
    return { right, of: set.length, rate: Math.round(right / set.length * 1000) / 1000 }
  }
  return {
    skills: kb!.skills.length,
    index_build_ms: summarize(builds.slice(1)), // the first build also loads the dictionary
    answer_ms: summarize(answers),
    question_top1_tuned_set: top1(questions),
    question_top1_holdout: top1(holdout)
  }
}
