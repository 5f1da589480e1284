import { z } from 'zod'
import { COMMAND, EXPLICIT_COMPLAINT, TICKET_REFERENCE } from '../../classify/message-patterns.js'
import type { ComplaintDetails } from '../../complaints/classify-complaint.js'
import { extractLocation, stripLocation, type ComplaintLocation } from '../../complaints/extract-location.js'
import { maskPhones } from '../../complaints/mask-phone.js'

// When a complaint needs a place and has none, the bot asks once. What it is waiting for
// lives in the desk's own store, not in the person's session, so that the clock can file a
// complaint nobody answered for (a session entry would silently expire and lose it).

/** A complaint waiting for its location before it becomes a ticket. */
export interface Draft {
  text: string
  category: string
  bodies: string[]
  urgent: boolean
  private: boolean
  compoundWide: boolean
  roomId: string | null
}

/** One person's open question: a draft to file, or (urgent, filed at once) a ticket to complete. */
export interface Pending {
  contactId: string
  askedAt: string
  /** asked once more after a message that was not a place */
  reasked?: boolean
  roomId: string | null
  draft?: Draft
  ticketNo?: number
}

export interface PendingData { byContact: Record<string, Pending> }
export const PENDING_STORE = 'complaints-pending'
export const pendingSchema = z.object({
  byContact: z.record(z.string(), z.object({ contactId: z.string(), askedAt: z.string(), ticketNo: z.number().optional() }))
})
export const emptyPending = (): PendingData => ({ byContact: {} })

/** 投诉… / 报修… / 举报… at the start: the person says outright that this is a complaint. */

/** After this long without an answer the draft is filed without a place. */
export const LOCATION_WAIT_MIN = 30

const SKIP = /^(跳过|不知道|不清楚|不确定|说不清|不用了?|没有|算了|无)[。.!！]?$/u
// Replies that answer nothing: acknowledgements, punctuation, a lone digit (a rating sent late).
const NOT_AN_ANSWER = /^(好的?|好吧|嗯+|哦+|噢+|收到|谢谢|多谢|ok|okay|知道了|行|可以|是的?|对|明白了?|\d{1,2}|[?？!！。.…~～]+)[。.!！~～]*$/iu
const ASKS = /[?？]|吗|呢$/u
const MAX_FREE_PLACE = 20

export type LocationAnswer =
  | { kind: 'skip' }
  | { kind: 'place', location: ComplaintLocation }
  /**
   * not a place: the message is handled as a new one. `newMatter`: it raises a matter of its
   * own (a complaint, a command); `ignore`: it says nothing (好的, a rating digit).
   */
  | { kind: 'other', newMatter: boolean, ignore?: boolean }

export interface AnswerJudge {
  /** the category the text is a complaint about, or undefined when it is not a complaint */
  complaintCategory: (text: string) => string | undefined
  /** 投诉… / 报修… or a command */
  explicit: (text: string) => boolean
}

// Beside a place, only words that name a problem make a new matter: "业委会办公室门口" is a
// place even though 业委会 is a topic word; "东门道闸坏了" is a complaint of its own.
const STRONG = new Set(['stated', 'problem', 'signal'])

export const answerJudge = (classify: (text: string) => ComplaintDetails): AnswerJudge => ({
  explicit: text => EXPLICIT_COMPLAINT.test(text) || COMMAND.test(text),
  complaintCategory: text => {
    const c = classify(text)
    return c.isComplaint && c.evidence !== null && STRONG.has(c.evidence) ? c.category ?? undefined : undefined
  }
})

/**
 * Read a reply to "请补充具体位置". A place (5号楼2单元, 东门, 302) answers it, also inside
 * a sentence that restates the same matter; a message that raises another matter
 * ("东门道闸坏了" while a noise complaint waits) is not taken as the place of the first.
 */
export function readLocationAnswer (text: string, category: string, judge: AnswerJudge, landmarks: readonly string[] = []): LocationAnswer {
  const t = text.trim()
  if (SKIP.test(t)) return { kind: 'skip' }
  if (judge.explicit(t)) return { kind: 'other', newMatter: true }
  // A chase (#27 …) or a command (/我的工单) is handled elsewhere, and is no reason to ask again.
  if (TICKET_REFERENCE.test(t) || COMMAND.test(t)) return { kind: 'other', newMatter: false, ignore: true }
  // "好的", a late rating digit: not the answer; asked once more.
  if (NOT_AN_ANSWER.test(t)) return { kind: 'other', newMatter: false }
  const found = extractLocation(t)
  const landmark = landmarks.find(l => t.includes(l))
  const rest = stripLocation(landmark === undefined ? t : t.split(landmark).join(' '))
  const about = [...rest].length >= 2 ? judge.complaintCategory(rest) : undefined
  if (about !== undefined && about !== category) return { kind: 'other', newMatter: true }
  if (/^\d{3,4}$/u.test(t)) return { kind: 'place', location: { room: `${t}室`, complete: true, text: `${t}室` } }
  // Only a place answers "where?": building, unit, door, garage words, or the compound's own
  // landmarks. "今天天气怎么样" is not one (issue 10), however short.
  if (found === null && landmark === undefined) return { kind: 'other', newMatter: about !== undefined }
  if (ASKS.test(t) && about === undefined) return { kind: 'other', newMatter: false }
  // A named spot alone ("会所" of "会所后面那条路") says less than the owner did: keep their words.
  const onlyPlace = found === null || (found.building === undefined && found.unit === undefined && found.room === undefined)
  const ownWords = onlyPlace && about === undefined && [...t].length <= MAX_FREE_PLACE && (landmark !== undefined || [...rest].length >= 2)
  if (found !== null && !ownWords) return { kind: 'place', location: found }
  const place = maskPhones(ownWords ? t : landmark!)
  return { kind: 'place', location: { ...found, place, complete: true, text: place } }
}
