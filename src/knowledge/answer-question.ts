import type { KnowledgeBase } from './knowledge-base.js'
import type { Skill } from './skill-schema.js'

// Scores are BM25F scaled to 0..1 (see bm25-index.ts). Chosen by looking at the scores of
// test/fixtures/questions.yaml (owner questions phrased unlike the skills' examples) and
// the chat lines there: see the comment in that file's test for the distribution.
/** At or above: answer with the best skill. */
export const ANSWER_THRESHOLD = 0.3
/** At or above (and below ANSWER_THRESHOLD): offer the closest skills as numbered choices. */
export const CHOICE_THRESHOLD = 0.15

export type Answer =
  | { kind: 'answer', skill: Skill, score: number }
  | { kind: 'choices', skills: Skill[], scores: number[] }
  | { kind: 'unknown' }

export function answerQuestion (kb: KnowledgeBase, text: string): Answer {
  const ranked = kb.search(text, 3)
  const best = ranked[0]
  if (!best || best.score < CHOICE_THRESHOLD) return { kind: 'unknown' }
  if (best.score >= ANSWER_THRESHOLD) return { kind: 'answer', skill: best.skill, score: best.score }
  // Choices: the best and any close enough to be a real alternative, two or three in all.
  const close = ranked.filter(r => r.score >= CHOICE_THRESHOLD * 0.5)
  const picked = close.length >= 2 ? close : ranked.slice(0, 2)
  if (picked.length < 2) return { kind: 'answer', skill: best.skill, score: best.score }
  return { kind: 'choices', skills: picked.map(r => r.skill), scores: picked.map(r => r.score) }
}
