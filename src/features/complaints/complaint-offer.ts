import type { MessageContext } from '../../app/types.js'
import { decisionOf } from '../../classify/message-decision.js'
import { DESCRIBES_PROBLEM } from '../../classify/message-patterns.js'

// A question that touches a problem ("楼上半夜蹦迪太吵了，找谁", "电瓶车能不能在楼道充电") gets
// the procedure, and an offer to register it as a complaint with one word: a question is never
// filed on its own (issue 10), the owner's 投诉 reply files it. The decision (classify-message)
// says whether the offer applies; without one, a described problem does.

const OFFER = 'complaints.offer'
const OFFER_TTL_MIN = 30
const ACCEPT = /^(投诉|登记|报修|要投诉|帮我登记|登记投诉)[。.!！]?$/

/** Remember the question and return the line that offers to file it, when it describes a problem. */
export function offerComplaint (ctx: MessageContext, question: string): string | undefined {
  if (!(decisionOf(ctx)?.offer ?? DESCRIBES_PROBLEM.test(question))) return undefined
  ctx.session.set(OFFER, question, OFFER_TTL_MIN)
  return ctx.isPrivate
    ? '如果这是您正遇到的问题，回复“投诉”，我帮您登记并转给负责的单位跟进。'
    : '如果这是您正遇到的问题，@我 回复“投诉”，我帮您登记并转给负责的单位跟进。'
}

/** The offered question, when this message accepts the offer (the offer is used once). */
export function acceptedOffer (ctx: MessageContext): string | undefined {
  if (!ACCEPT.test(ctx.text.trim())) return undefined
  const question = ctx.session.get<string>(OFFER)
  if (question !== undefined) ctx.session.clear(OFFER)
  return question
}
