import type { KnowledgeBase } from './knowledge-base.js'
import { MANUAL_SOURCE, type Skill } from './skill-schema.js'

// Scores are BM25F, blended with the closest example question, scaled to 0..1 (see
// bm25-index.ts and knowledge-base.ts). The numbers below were read off the scores of
// test/fixtures/questions.yaml (127 owner questions worded unlike the skills' examples,
// 12 compound questions no skill covers, 38 chat lines) when they were written:
// - correct top skills: median ≈ 0.37, a quarter below ≈ 0.27, the lowest ≈ 0.12;
// - uncovered questions: up to ≈ 0.21; chat lines with two matching words: up to ≈ 0.07.
// So answering needs 0.25 (above every uncovered question; about three quarters of the
// questions are answered directly, the rest get choices), and choices need 0.1 (below the
// lowest correct question, above the chat lines). They are a starting point: re-read the
// bench's score report when skills are added.
/** At or above (and not ambiguous): answer with the best skill. */
export const ANSWER_THRESHOLD = 0.25
/** At or above, below ANSWER_THRESHOLD: offer the closest skills as numbered choices. */
export const CHOICE_THRESHOLD = 0.1
/**
 * Words of two or more characters (or synonym concepts) the question and the best skill
 * must share. One shared word ("周末", "安全") is how chat lines reach a skill.
 */
export const MIN_EVIDENCE = 2
/** A runner-up this close to the best means the question fits both: let the owner pick. */
export const AMBIGUOUS_RATIO = 0.8
/**
 * A long, plainly worded question scores lower (words no skill uses lower the ceiling) but
 * can still be clear: at least CLEAR_EVIDENCE shared words, CLEAR_THRESHOLD, and a
 * runner-up at most CLEAR_RATIO of the best ("家里厕所堵了物业负不负责": 0.23, three words,
 * runner-up a quarter of it). On the fixtures no uncovered question and no chat line meets
 * all three (the closest uncovered one shares two words).
 */
export const CLEAR_THRESHOLD = 0.15
export const CLEAR_EVIDENCE = 3
export const CLEAR_RATIO = 0.5

/**
 * A committee answer (/收录) is the compound's own word on one question, and the bot's own
 * manual (skills about the bot: how to rate, how to chase a ticket) is about words chat
 * rarely uses: a question worded close to one of their examples is answered even with one
 * shared word ("怎么评分" after /收录 of "怎么评分啊，我不会弄"; "工单怎么催"), as long as
 * it is the best match. Closeness is the BM25 score of the single closest example, 0..1:
 * BM25 saturates, so a question worded exactly like an example scores about 0.6.
 */
export const FAQ_CLOSE = 0.45
/** …and clearly closer than the runner-up's closest example. */
export const FAQ_CLOSE_RATIO = 1.25
/**
 * A committee answer among the best three, at least this share of the best score, with an
 * example at least this close, is the answer: what the committee said about this compound
 * is more to the point than the general procedure next to it.
 */
export const COMMITTEE_RATIO = 0.75
export const COMMITTEE_CLOSE = 0.25

export type Answer =
  | { kind: 'answer', skill: Skill, score: number }
  | { kind: 'choices', skills: Skill[], scores: number[] }
  | { kind: 'unknown', score: number }

export function answerQuestion (kb: KnowledgeBase, text: string): Answer {
  const found = rank(kb, text)
  if (found.kind !== 'unknown') return found
  // Too vague to answer ("钱的事"): the likely topics to choose from, or the one it must be.
  const likely = kb.vagueChoices(text)
  if (likely.length === 1 && likely[0]) return { kind: 'answer', skill: likely[0], score: found.score }
  if (likely.length > 1) return { kind: 'choices', skills: likely, scores: likely.map(() => found.score) }
  return found
}

function rank (kb: KnowledgeBase, text: string): Answer {
  const ranked = kb.search(text, 3)
  const [best, second] = ranked
  if (best && answersCloseWording(best.skill) && best.closest >= FAQ_CLOSE && best.closest >= FAQ_CLOSE_RATIO * (second?.closest ?? 0) && best.score >= CHOICE_THRESHOLD) return { kind: 'answer', skill: best.skill, score: best.score }
  // The compound's own answer beats a general procedure it nearly ties with ("评分怎么弄":
  // the survey procedure and the collected "怎么评分啊，我不会弄" share only 评分).
  const own = ranked.find(r => isCommitteeAnswer(r.skill))
  if (best && own && own.matched >= 1 && own.closest >= COMMITTEE_CLOSE && own.score >= COMMITTEE_RATIO * best.score && own.score >= CHOICE_THRESHOLD) return { kind: 'answer', skill: own.skill, score: own.score }
  if (!best || best.score < CHOICE_THRESHOLD) return { kind: 'unknown', score: best?.score ?? 0 }
  const ambiguous = second !== undefined && second.score >= AMBIGUOUS_RATIO * best.score
  // A short question ("换物业", "業委會一個月開幾次會", "公共收益") shares one word with the
  // skills: one concept of the compound's business is enough when it points at one skill
  // confidently, and a topic few skills share ("维修资金", "装修") gets choices.
  if (best.matched < MIN_EVIDENCE) {
    if (best.topical >= 1 && best.score >= ANSWER_THRESHOLD && !ambiguous) return { kind: 'answer', skill: best.skill, score: best.score }
    if (best.specific < 1) return { kind: 'unknown', score: best.score }
  }
  if (best.score >= ANSWER_THRESHOLD && !ambiguous) return { kind: 'answer', skill: best.skill, score: best.score }
  const clear = best.score >= CLEAR_THRESHOLD && best.matched >= CLEAR_EVIDENCE && (second?.score ?? 0) <= CLEAR_RATIO * best.score
  if (clear) return { kind: 'answer', skill: best.skill, score: best.score }
  // Two or three choices: the best, and the others unless they are far behind.
  const picked = ranked.filter((r, i) => i < 2 || r.score >= AMBIGUOUS_RATIO * best.score)
  if (picked.length < 2) return { kind: 'answer', skill: best.skill, score: best.score }
  return { kind: 'choices', skills: picked.map(r => r.skill), scores: picked.map(r => r.score) }
}

function answersCloseWording (skill: Skill): boolean {
  return isCommitteeAnswer(skill) || skill.sources.includes(MANUAL_SOURCE)
}

function isCommitteeAnswer (skill: Skill): boolean {
  return skill.sources.some(s => s.startsWith('业委会答复'))
}
