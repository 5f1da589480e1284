import { toSimplified } from '../text/to-simplified.js'
import { applyCorrection, correctionsVersion } from './corrections.js'
import { loadComplaintSkills, type ComplaintSkills } from './load-complaint-skills.js'
import { compileRules, isUrgentText, pickVariant, readIntent, scoreRules, type Intent, type RuleScore } from './match-rules.js'
import { buildExampleIndex, nearestExamples, voteByLabel, type ExampleIndex, type Neighbour } from './nearest-examples.js'
import { loadSegmenter } from '../text/segment.js'
import { NOT_A_COMPLAINT } from './skill-schemas.js'

/** The contract shared with classify-message.ts: keep this shape. bodies[0] leads. */
export interface ComplaintClassification {
  isComplaint: boolean
  category: string | null
  bodies: string[]
  urgent: boolean
  confidence: number
  /** why it is a complaint (see ComplaintEvidence); absent from stubs in tests */
  evidence?: ComplaintEvidence | null
}

/**
 * Why a text was taken for a complaint: it says so (投诉…, an emergency), it names a concrete
 * problem (a category pattern), it carries a complaint word (坏了, 没人管), or only a topic
 * word or a similar example. The last two also fit fragments like "业委会办公室门口".
 */
export type ComplaintEvidence = 'stated' | 'problem' | 'signal' | 'topic' | 'similar'

/** What intake needs beyond the contract. */
export interface ComplaintDetails extends ComplaintClassification {
  evidence: ComplaintEvidence | null
  categoryName: string | null
  variant: string | null
  /** neighbour matters and complaints about the committee or property company */
  private: boolean
  needsLocation: boolean
  compoundWide: boolean
  neighbours: Neighbour[]
  /** the optional model thought it urgent where the offline rules did not (advice, never urgency) */
  modelUrgent?: boolean
}

// Tuned on examples.yaml, checked on test/fixtures/complaints.yaml (never tuned on it).
const MAX_CHARS = 2000
const NEIGHBOURS = 5
const SIMILARITY_WEIGHT = 4
const MIN_CATEGORY_SCORE = 1
const MIN_NEIGHBOUR_SIMILARITY = 0.45
// Neighbours less similar than this share only a common word ("楼", "这个月") and say
// nothing about the category; letting them vote routed 社区报纸没发到我们楼 to the elevator.
const VOTE_FLOOR = 0.15

export type ComplaintClassifier = ((text: string) => ComplaintDetails) & {
  /** The details for a category chosen elsewhere (the optional model), variants applied to `text`. */
  withCategory: (text: string, categoryId: string, base: ComplaintDetails) => ComplaintDetails
}

export function createComplaintClassifier (skills: ComplaintSkills): ComplaintClassifier {
  const rules = compileRules(skills)
  loadSegmenter()
  // Segmenting every example waits for the first text that is not a bare greeting.
  let index: ExampleIndex | undefined
  const examples = (): ExampleIndex => (index ??= buildExampleIndex(skills.examples.examples))
  const byId = new Map(rules.categories.map(c => [c.config.id, c]))

  const describe = (categoryId: string, text: string) => {
    const category = byId.get(categoryId) ?? byId.get(rules.fallback)!
    const variant = pickVariant(category, text)
    return {
      category: category.config.id,
      bodies: [...(variant?.bodies ?? category.config.bodies)],
      categoryName: category.config.name,
      variant: variant?.id ?? null,
      private: variant?.private ?? category.config.private,
      needsLocation: category.config.needs_location,
      compoundWide: category.config.compound_wide
    }
  }

  const classify = (raw: string): ComplaintDetails => {
    const text = toSimplified(raw).slice(0, MAX_CHARS).toLowerCase()
    const scores = scoreRules(rules, text)
    const neighbours = nearestExamples(examples(), text, NEIGHBOURS)
    const votes = voteByLabel(neighbours)
    const categoryVotes = voteByLabel(neighbours.filter(n => n.similarity >= VOTE_FLOOR))
    const intent = readIntent(rules.intent, text)
    const urgentWords = isUrgentText(rules.urgent, text)

    const ranked = scores
      .map(s => ({ ...s, total: s.score + SIMILARITY_WEIGHT * (categoryVotes.get(s.id) ?? 0) }))
      .sort((a, b) => b.total - a.total)
    const top = ranked[0]
    const second = ranked[1]

    const evidence = decideComplaint(intent, scores, urgentWords, neighbours, votes)
    if (evidence === null) {
      return {
        isComplaint: false, evidence, category: null, bodies: [], urgent: false, confidence: rejectConfidence(intent, scores),
        categoryName: null, variant: null, private: false, needsLocation: false, compoundWide: false, neighbours
      }
    }

    const categoryId = top && top.total >= MIN_CATEGORY_SCORE ? top.id : rules.fallback
    const confidence = categoryId === rules.fallback
      ? 0.3
      : round(0.5 * ((top!.total - (second?.total ?? 0)) / top!.total) + 0.5 * Math.min(1, top!.total / 8))
    return { isComplaint: true, evidence, urgent: urgentWords, confidence, neighbours, ...describe(categoryId, text) }
  }
  const withCategory = (raw: string, categoryId: string, base: ComplaintDetails): ComplaintDetails =>
    ({ ...base, isComplaint: true, evidence: base.evidence ?? 'similar', ...describe(categoryId, toSimplified(raw).toLowerCase()) })
  // The bodies' corrections (/转办, /撤销) win over the rules at once (src/complaints/corrections.ts).
  const corrected = (raw: string): ComplaintDetails => applyCorrection(raw, classify(raw), withCategory)
  return Object.assign(corrected, { withCategory })
}

function decideComplaint (
  intent: Intent, scores: RuleScore[], urgent: boolean, neighbours: Neighbour[], votes: Map<string, number>
): ComplaintEvidence | null {
  if (intent.prefixed || urgent) return 'stated'
  // "电梯修好了，谢谢" names a problem but reports it solved; "门禁卡丢了怎么补办" asks how.
  if ((intent.praise || intent.question) && intent.signals === 0) return null
  if (scores.some(s => s.patternHits > 0)) return 'problem'
  if (intent.question || intent.greeting) return null
  const none = votes.get(NOT_A_COMPLAINT) ?? 0
  const complaint = neighbours.reduce((sum, n) => sum + (n.label === NOT_A_COMPLAINT ? 0 : n.similarity), 0)
  if (intent.signals > 0 && complaint > none) return 'signal'
  if (scores.some(s => s.keywordHits > 0) && complaint > none) return 'topic'
  const nearest = neighbours[0]
  return nearest !== undefined && nearest.label !== NOT_A_COMPLAINT && nearest.similarity >= MIN_NEIGHBOUR_SIMILARITY ? 'similar' : null
}

function rejectConfidence (intent: Intent, scores: RuleScore[]): number {
  if (intent.question || intent.greeting || intent.praise) return 0.9
  return scores.some(s => s.keywordHits > 0) ? 0.5 : 0.7
}

const round = (x: number): number => Math.round(x * 100) / 100

let shared: { skills: ComplaintSkills, classify: ComplaintClassifier } | undefined

/**
 * The classifier over skills/complaints/, built once per process: the bot's decision
 * (classifyMessage), the complaints desk and the CLI share one copy. It remembers its last
 * answers, because the decision and then the intake ask about the same message.
 */
export function sharedComplaintClassifier (): { skills: ComplaintSkills, classify: ComplaintClassifier } {
  if (shared === undefined) {
    const skills = loadComplaintSkills()
    const classify = createComplaintClassifier(skills)
    // Two answers: the decision may also ask about the message's plain statements
    // (classify-message.ts) between its own question and the intake's about the whole text.
    let recent: Array<{ text: string, version: number, details: ComplaintDetails }> = []
    const remembering = (text: string): ComplaintDetails => {
      const version = correctionsVersion()
      const known = recent.find(r => r.text === text && r.version === version)
      if (known) return known.details
      const details = classify(text)
      recent = [{ text, version, details }, ...recent].slice(0, 2)
      return details
    }
    shared = { skills, classify: Object.assign(remembering, { withCategory: classify.withCategory }) }
  }
  return shared
}

/** The details behind a decision (evidence, variant, neighbours), from the shared classifier. */
export function explainComplaint (text: string): ComplaintDetails {
  return sharedComplaintClassifier().classify(text)
}

/** Offline: rules from categories.yaml plus similarity to examples.yaml. */
export function classifyComplaint (text: string): ComplaintClassification {
  const { isComplaint, category, bodies, urgent, confidence, evidence } = explainComplaint(text)
  return { isComplaint, category, bodies, urgent, confidence, evidence }
}
