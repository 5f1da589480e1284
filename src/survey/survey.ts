import { segment } from '../text/segment.js'

// One opinion survey on the property service (every six months, seed 000). Answers are keyed
// by contact id: one per owner, a second answer replaces the first.

export interface SurveyResponse { rating: number, comment?: string, at: string }

export interface Survey {
  id: number
  /** "2026年下半年物业服务意见征询" */
  title: string
  openedAt: string
  closesAt: string
  status: 'open' | 'closed' | 'published'
  responses: Record<string, SurveyResponse>
}

export type AnswerResult = { ok: true, survey: Survey, replaced: boolean } | { ok: false, message: string }

export function recordAnswer (
  survey: Survey,
  contactId: string,
  answer: { rating: number, comment?: string },
  now: Date
): AnswerResult {
  if (survey.status !== 'open' || now.getTime() >= new Date(survey.closesAt).getTime()) {
    return { ok: false, message: '这次意见征询已经结束，谢谢关注。' }
  }
  if (!Number.isInteger(answer.rating) || answer.rating < 1 || answer.rating > 5) {
    return { ok: false, message: '请打1到5分：5分最满意，1分最不满意。' }
  }
  const response: SurveyResponse = {
    rating: answer.rating,
    ...(answer.comment !== undefined && answer.comment !== '' && { comment: answer.comment }),
    at: now.toISOString()
  }
  return {
    ok: true,
    replaced: survey.responses[contactId] !== undefined,
    survey: { ...survey, responses: { ...survey.responses, [contactId]: response } }
  }
}

export interface SurveySummary {
  total: number
  /** counts[1]…counts[5] */
  counts: Record<1 | 2 | 3 | 4 | 5, number>
  /** average to two decimals, undefined with no answers */
  average?: number
  withComment: number
  /** words mentioned in at least two comments, most mentioned first */
  themes: Array<{ word: string, comments: number }>
}

// words that say nothing about the service
const STOP_WORDS = new Set([
  '物业', '服务', '小区', '我们', '你们', '他们', '这个', '那个', '没有', '还是', '就是', '但是', '可以',
  '希望', '觉得', '非常', '比较', '有点', '一些', '什么', '时候', '现在', '已经', '不是', '一个', '问题'
])

export function summarizeSurvey (survey: Survey, maxThemes = 8): SurveySummary {
  const responses = Object.values(survey.responses)
  const counts: SurveySummary['counts'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const r of responses) counts[r.rating as 1 | 2 | 3 | 4 | 5] += 1
  const sum = responses.reduce((t, r) => t + r.rating, 0)
  const comments = responses.flatMap(r => r.comment !== undefined ? [r.comment] : [])
  const mentions = new Map<string, number>()
  for (const comment of comments) {
    // each comment counts a word once, so one long rant cannot make a theme
    for (const word of new Set(segment(comment))) {
      if ([...word].length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue
      mentions.set(word, (mentions.get(word) ?? 0) + 1)
    }
  }
  const themes = [...mentions.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .slice(0, maxThemes)
    .map(([word, n]) => ({ word, comments: n }))
  return {
    total: responses.length,
    counts,
    ...(responses.length > 0 && { average: Math.round((sum * 100) / responses.length) / 100 }),
    withComment: comments.length,
    themes
  }
}
