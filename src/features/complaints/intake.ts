import type { MessageContext } from '../../app/types.js'
import { extractLocation } from '../../complaints/extract-location.js'
import { answerRating } from './answer-rating.js'
import { decisionOf } from '../../classify/message-decision.js'
import { EXPLICIT_COMPLAINT } from '../../classify/message-patterns.js'
import { chaseTicket } from './chase-ticket.js'
import { acceptedOffer } from './complaint-offer.js'
import type { Desk } from './desk.js'
import { askLocation } from './locate-complaint.js'
import type { Draft } from './pending-location.js'
import { refineWithModel } from './refine-with-model.js'
import { register, whoOf } from './register-complaint.js'

/** Ratings, chases and new complaints, in that order (a place asked for is read earlier: complaintPlaceFeature). */
export async function handleIntake (desk: Desk, ctx: MessageContext): Promise<boolean> {
  if (await answerRating(desk, ctx)) return true
  if (await chaseTicket(desk, ctx)) return true
  // "投诉" after the Q&A offered to register the question as a complaint.
  const offered = acceptedOffer(ctx)
  const said = offered ?? ctx.text
  // The shared decision (made by the Q&A, which runs first) wins when there is one.
  const decided = offered === undefined ? decisionOf(ctx)?.intent : 'complaint'
  if (decided !== undefined && decided !== 'complaint') return false
  const explicit = decided === 'complaint' || EXPLICIT_COMPLAINT.test(said)
  const offline = desk.classify(said)
  if (!offline.isComplaint && !explicit) return false
  const details = await refineWithModel(desk.llm, desk.skills, desk.classify, said, offline)
  const text = said.replace(EXPLICIT_COMPLAINT, '').trim()
  if (text === '') {
    await ctx.reply('请在“投诉”或“报修”后面写明问题和位置，例如：报修 3号楼2单元楼道灯坏了')
    return true
  }
  const now = desk.app.clock.now()
  // From the in-memory index, with no await until the ticket is created: a burst from one
  // person cannot slip past the limit between the count and the registration.
  if (desk.store.activitySince(ctx.talker.id, new Date(now.getTime() - 3600_000)) >= desk.config.hourly_limit) {
    // Said once an hour: a flood of complaints must not become a flood of answers.
    if (ctx.session.get('hourly-limit-told') !== undefined) return true
    ctx.session.set('hourly-limit-told', true, 60)
    await ctx.reply(`您一小时内已反映了 ${desk.config.hourly_limit} 件事，我们正在逐一处理。请稍后再提交新的问题；查看进展请发送 /我的工单。`)
    return true
  }
  const draft: Draft = {
    text,
    category: details.category ?? desk.skills.categories.fallback,
    bodies: details.bodies.length > 0 ? details.bodies : ['committee'],
    urgent: details.urgent,
    private: details.private,
    compoundWide: details.compoundWide,
    roomId: ctx.room?.id ?? null
  }
  const location = extractLocation(text)
  const who = whoOf(ctx)
  if (details.needsLocation && !(location?.complete ?? false)) {
    // An emergency is not held back for its address: file it now, ask for the place after.
    if (draft.urgent) {
      const ticket = await register(desk, who, draft, location, now)
      if (ticket) await askLocation(desk, who, { ticketNo: ticket.no })
    } else {
      await askLocation(desk, who, { draft })
    }
    return true
  }
  await register(desk, who, draft, location, now)
  return true
}
