import { toSimplified } from '../text/to-simplified.js'

export interface SurveyAnswer { rating: number, comment?: string }

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 }

// "4", "4分", "四分", "★★★★", "4 保洁不到位", "3分，电梯老坏" — the rating must come first
const ANSWER = /^(?:评分|打分)?\s*[:：]?\s*([1-5一二两三四五]|★{1,5})\s*(?:分|星)?(?![0-9])(?:\s*[,，。;；:：、]\s*|\s+|$)(.*)$/s

/** A rating 1–5 with an optional comment, or undefined when the text is not an answer. */
export function parseSurveyAnswer (text: string): SurveyAnswer | undefined {
  const match = ANSWER.exec(toSimplified(text).trim())
  if (match === null) return undefined
  const token = match[1] ?? ''
  const rating = token.startsWith('★') ? token.length : NUMERALS[token] ?? Number(token)
  const comment = (match[2] ?? '').trim().slice(0, 500)
  return comment === '' ? { rating } : { rating, comment }
}
