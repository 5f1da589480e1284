import { classifyComplaint as defaultClassifyComplaint, type ComplaintClassification } from '../complaints/classify-complaint.js'
import { answerQuestion, type Answer } from '../knowledge/answer-question.js'
import type { KnowledgeBase } from '../knowledge/knowledge-base.js'
import { toSimplified } from '../text/to-simplified.js'
import { ASKS_RESPONSIBILITY, COMMAND, DESCRIBES_PROBLEM, EXPLICIT_COMPLAINT, PUSHED_AROUND, QUESTION, SMALL_TALK, SMALL_TALK_FILLER, TICKET_REFERENCE } from './message-patterns.js'
import { readQuestion } from './read-question.js'

export type Intent = 'complaint' | 'question' | 'command' | 'chat'

export interface Classification {
  intent: Intent
  category: string | null
  bodies: string[]
  urgent: boolean
  /** best procedure for a question; null when none fits (the question is handed on) */
  skill: string | null
  /** question: retrieval score 0..1; complaint: its confidence; command: 1; chat: 0 */
  score: number
  /** question only: it touches a problem, so the answer ends with the offer to register it */
  offer?: boolean
}

export interface Where { chat: 'group' | 'private', mentioned: boolean }

export interface ClassifyDeps { classifyComplaint: (text: string) => ComplaintClassification }

// A statement shorter than this with only a topic word is a topic, not a report ("换物业").
const MIN_STATEMENT = 8
/** …and a faint likeness to an example must be at least this confident. */
const MIN_WEAK_CONFIDENCE = 0.1

const none = { category: null, bodies: [], urgent: false, skill: null }

/** The classifier found a named problem or a complaint word, not just a topic. */
const namesProblem = (c: ComplaintClassification): boolean =>
  c.isComplaint && (c.evidence === 'problem' || c.evidence === 'signal')

/**
 * Is this a report of a problem (a ticket) rather than a question? Filed: 投诉…/报修…/举报…
 * (unless it asks how complaining works: "投诉要找谁"); an emergency, unless it only asks who
 * is responsible; a story of being pushed around that asks nothing. Never filed: a question
 * about how things work, whom to turn to or whether it is allowed (ASKS_ROUTE) — it is answered
 * with the offer to register it. A factual question ("停车位收的钱去哪了") is filed only when
 * another clause reports the problem ("…从来没公示过"). Otherwise the complaint classifier
 * decides; topic words alone ("物业费") or a faint likeness make no ticket.
 */
function isReport (text: string, complaint: ComplaintClassification, deps: ClassifyDeps): boolean {
  const q = readQuestion(text)
  if (EXPLICIT_COMPLAINT.test(text) && !q.route && (!q.info || [...q.statements.replace(EXPLICIT_COMPLAINT, '').trim()].length >= 2)) return true
  if (complaint.urgent && !(q.route && ASKS_RESPONSIBILITY.test(text))) return true
  if (q.route) return false
  if (PUSHED_AROUND.test(text) && !q.info) return true
  const problem = namesProblem(complaint)
  if (q.info) {
    // Only a plain statement reports: "物业费凭啥每年涨，谁批准的" asks who approved it.
    if (q.plain === '' || !complaint.isComplaint) return false
    if (DESCRIBES_PROBLEM.test(q.plain) || PUSHED_AROUND.test(q.plain)) return true
    return problem && namesProblem(deps.classifyComplaint(q.plain))
  }
  return complaint.isComplaint && (problem || complaint.evidence === undefined ||
    ([...text].length >= MIN_STATEMENT && complaint.confidence >= MIN_WEAK_CONFIDENCE))
}

/**
 * The one decision the bot and `npm run classify` share. Order: command, complaint,
 * question, chat. In a group without an @-mention the bot only speaks for a question it
 * can answer outright; with a mention or in private, close matches get choices and
 * compound questions no skill covers are handed to the committee.
 */
export function classifyMessage (text: string, where: Where, kb: KnowledgeBase, deps?: ClassifyDeps): Classification {
  return decideMessage(text, where, kb, deps).classification
}

/** The decision with the retrieval behind it, so the Q&A answers from it without searching again. */
export function decideMessage (text: string, where: Where, kb: KnowledgeBase, deps: ClassifyDeps = { classifyComplaint: defaultClassifyComplaint }): { classification: Classification, answer?: Answer } {
  const simplified = toSimplified(text)
  const decided = (classification: Classification, answer?: Answer) => ({ classification, answer })
  if (simplified === '') return decided({ intent: 'chat', ...none, score: 0 })
  if (COMMAND.test(simplified)) return decided({ intent: 'command', ...none, score: 1 })
  // Chasing a ticket by its number is complaint business, whatever else it says.
  if (TICKET_REFERENCE.test(simplified)) return decided({ intent: 'complaint', ...none, score: 1 })

  // Nothing but a greeting or thanks: no search or classifier could make it more than chat.
  if (onlySmallTalk(simplified)) return decided({ intent: 'chat', ...none, score: 0 })

  const asks = QUESTION.test(simplified)
  const answer = answerQuestion(kb, simplified)
  const complaint = deps.classifyComplaint(simplified)
  if (isReport(simplified, complaint, deps)) {
    const { category, bodies, urgent, confidence } = complaint
    return decided({ intent: 'complaint', category, bodies, urgent, skill: null, score: confidence })
  }
  // A question touching a problem area ends with the offer to register it (回复“投诉”).
  const offer = namesProblem(complaint) || DESCRIBES_PROBLEM.test(simplified)

  const chat = decided({ intent: 'chat', ...none, score: 0 })
  if (!asks && SMALL_TALK.test(simplified)) return chat
  const addressed = where.chat === 'private' || where.mentioned
  const question = (skill: string | null, score: number) => decided({ intent: 'question', ...none, skill, score: round(score), ...(offer ? { offer } : {}) }, answer)

  if (answer.kind === 'answer' && (addressed || asks)) return question(answer.skill.id, answer.score)
  if (answer.kind === 'choices' && addressed) return question(answer.skills[0]?.id ?? null, answer.scores[0] ?? 0)
  if (addressed && asks && kb.isCompoundTopic(simplified)) return question(null, answer.kind === 'unknown' ? answer.score : 0)
  return chat
}

const SMALL_TALK_ALL = new RegExp(SMALL_TALK.source, 'giu')
const onlySmallTalk = (text: string): boolean =>
  SMALL_TALK.test(text) && text.replace(SMALL_TALK_ALL, '').replace(SMALL_TALK_FILLER, '') === ''

const round = (x: number): number => Math.round(x * 1000) / 1000
