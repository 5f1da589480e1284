import type { MessageContext } from '../../app/types.js'
import { joinTicket, rateTicket, applyTicketAction } from '../../complaints/apply-ticket-action.js'
import { checkEscalation, escalateOnDissatisfaction } from '../../complaints/check-escalation.js'
import { createTicket } from '../../complaints/create-ticket.js'
import { extractLocation, type ComplaintLocation } from '../../complaints/extract-location.js'
import { isSameMatter } from '../../complaints/is-same-matter.js'
import { complainantsOf, type Rating, type Ticket } from '../../complaints/ticket.js'
import { acceptedOffer } from './complaint-offer.js'
import { carryOut } from './escalate-tickets.js'
import { refineWithModel } from './refine-with-model.js'
import type { Desk } from './desk.js'
import { shortTime, ticketCard } from './format-ticket.js'

const EXPLICIT = /^(投诉|报修|举报)[:：\s，,]*/u
const SKIP_LOCATION = /^(跳过|不知道|不清楚|不用了?|没有|算了)$/u
const DRAFT = 'complaints.draft'
const RATINGS: Record<string, Rating> = { 1: '满意', 2: '基本满意', 3: '不满意', 满意: '满意', 基本满意: '基本满意', 不满意: '不满意' }

/** A complaint waiting for its location (kept in the person's session). */
interface Draft {
  text: string
  category: string
  bodies: string[]
  urgent: boolean
  private: boolean
  compoundWide: boolean
  roomId: string | null
}

/** Ratings, location answers and new complaints, in that order. */
export async function handleIntake (desk: Desk, ctx: MessageContext): Promise<boolean> {
  if (await answerRating(desk, ctx)) return true
  if (await answerLocation(desk, ctx)) return true
  // "投诉" after the Q&A offered to register the question as a complaint.
  const offered = acceptedOffer(ctx)
  const said = offered ?? ctx.text
  const explicit = offered !== undefined || EXPLICIT.test(said)
  const offline = desk.classify(said)
  if (!offline.isComplaint && !explicit) return false
  const details = await refineWithModel(desk.llm, desk.skills, desk.classify, said, offline)
  const text = said.replace(EXPLICIT, '').trim()
  if (text === '') {
    await ctx.reply('请在“投诉”或“报修”后面写明问题和位置，例如：报修 3号楼2单元楼道灯坏了')
    return true
  }
  const now = desk.app.clock.now()
  if (await recentComplaints(desk, ctx.talker.id, now) >= desk.config.hourly_limit) {
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
  if (details.needsLocation && !(location?.complete ?? false)) {
    ctx.session.set(DRAFT, draft, 30)
    const ask = `请补充具体位置（如 5号楼2单元、东门、地下车库），我好转给${desk.names.body(draft.bodies[0]!)}。不清楚可回复“跳过”。`
    if (!ctx.room) await ctx.reply(ask)
    else {
      await ctx.replyPrivately(ask, '请私聊我补充具体位置（几号楼几单元或哪个门），或 @我 回复位置。')
      if (await desk.app.directory.isFriend(ctx.talker.id)) await ctx.reply('收到，请在私聊中补充具体位置。')
    }
    return true
  }
  await register(desk, ctx, draft, location, now)
  return true
}

/** Complaints a person filed or joined in the last hour (tickets are numbered in time order). */
async function recentComplaints (desk: Desk, contactId: string, now: Date): Promise<number> {
  const since = now.getTime() - 3600_000
  let count = 0
  for await (const t of desk.store.newestFirst()) {
    if (Date.parse(t.createdAt) <= since) break
    if (t.complainantId === contactId) count++
  }
  const joins = desk.store.openTickets().filter(t => t.history.some(e => e.kind === 'join' && e.actorId === contactId && Date.parse(e.at) > since))
  return count + joins.length
}

async function answerLocation (desk: Desk, ctx: MessageContext): Promise<boolean> {
  const draft = ctx.session.get<Draft>(DRAFT)
  if (!draft) return false
  ctx.session.clear(DRAFT)
  const answer = ctx.text.trim()
  // Asked once: whatever comes back is the location (or none), never a second question.
  const location: ComplaintLocation | null = SKIP_LOCATION.test(answer)
    ? null
    : extractLocation(answer) ?? { place: [...answer].slice(0, 30).join(''), complete: true, text: [...answer].slice(0, 30).join('') }
  await register(desk, ctx, draft, location, desk.app.clock.now())
  return true
}

async function register (desk: Desk, ctx: MessageContext, draft: Draft, location: ComplaintLocation | null, now: Date): Promise<void> {
  const window = now.getTime() - desk.config.duplicate_window_days * 86_400_000
  const same = desk.store.openTickets().find(t => Date.parse(t.createdAt) >= window &&
    isSameMatter({ category: t.category, location: t.location, compoundWide: draft.compoundWide }, { category: draft.category, location, compoundWide: draft.compoundWide }))
  if (same) return await joinExisting(desk, ctx, same, draft, now)

  const ticket = await desk.store.create(no => createTicket({ ...draft, no, location, complainantId: ctx.talker.id, now, deadlines: desk.config }))
  const n = desk.names
  const cut = [...draft.text].length > desk.config.max_text ? `（内容较长，工单保存了前 ${desk.config.max_text} 字）` : ''
  const detail = `已登记工单 #${ticket.no}（${n.category(ticket.category)}${ticket.location ? `，${ticket.location.text}` : ''}），` +
    `已转${n.body(ticket.leadBody)}，${shortTime(ticket.deadlines.ackBy)}前受理，${shortTime(ticket.deadlines.closeBy)}前办结。` +
    `${ticket.urgent ? '已按紧急事项通知。' : ''}进展会通知您，也可发送 /工单 ${ticket.no} 查看。${cut}`
  if (ticket.private && ctx.room) {
    // Neighbour matters and complaints about the committee or property company stay out of the group.
    await ctx.replyPrivately(detail, '收到您的反映，已登记。为保护隐私，请加我为好友后私聊 /我的工单 查看进展。')
    if (await desk.app.directory.isFriend(ctx.talker.id)) await ctx.reply('收到，为保护隐私，详情已私聊您。')
  } else if (ctx.room) {
    await ctx.reply(`已登记 #${ticket.no}，已转${n.body(ticket.leadBody)}，${shortTime(ticket.deadlines.ackBy)}前受理、${shortTime(ticket.deadlines.closeBy)}前办结。${ticket.urgent ? '（紧急）' : ''}${cut}`)
  } else {
    await ctx.reply(detail)
  }
  await desk.toBodies([ticket.leadBody], ticketCard(ticket, n, ticket.urgent ? '紧急工单' : '新工单', false))
  if (ticket.informedBodies.length > 0) await desk.toBodies(ticket.informedBodies, ticketCard(ticket, n, '知会', false))
  let current = ticket
  for (const step of checkEscalation(current, now)) current = await carryOut(desk, current, step, now) // multi_party → agenda at once
}

async function joinExisting (desk: Desk, ctx: MessageContext, ticket: Ticket, draft: Draft, now: Date): Promise<void> {
  const already = ticket.complainantId === ctx.talker.id || ticket.coComplainantIds.includes(ctx.talker.id)
  const joined = joinTicket(ticket, ctx.talker.id, now, draft.text)
  desk.store.save(joined)
  const n = desk.names
  const text = already
    ? `您已反映过这件事（工单 #${ticket.no}，${n.body(ticket.leadBody)}处理中），有进展会通知您。`
    : `已有业主反映过这件事（工单 #${ticket.no}，共 ${joined.complainantCount} 位业主反映），已为您加入该工单，${n.body(ticket.leadBody)}处理进展会同时通知您。`
  if (ticket.private && ctx.room) await ctx.replyPrivately(text, '收到，已有业主反映过这件事，已为您登记。请加我为好友后私聊 /我的工单 查看进展。')
  else await ctx.reply(text)
  if (!already) await desk.toBodies([ticket.leadBody], `【工单 #${ticket.no}】又有业主反映（共 ${joined.complainantCount} 位）：${draft.text}`)
}

async function answerRating (desk: Desk, ctx: MessageContext): Promise<boolean> {
  const rating = RATINGS[ctx.text.trim()]
  if (!rating) return false
  const waiting = desk.store.awaitingRating().filter(t => complainantsOf(t).includes(ctx.talker.id))
    .sort((a, b) => Date.parse(b.ratingAskedAt!) - Date.parse(a.ratingAskedAt!))[0]
  if (!waiting) return false
  const now = desk.app.clock.now()
  let ticket = rateTicket(waiting, rating, ctx.talker.id, now)
  if (rating !== '不满意') {
    desk.store.save(ticket)
    await ctx.reply(`感谢您对工单 #${ticket.no} 的评价（${rating}）！`)
    return true
  }
  const reopened = applyTicketAction(ticket, 'reopen', { actorId: ctx.talker.id, now, deadlines: desk.config })
  if (reopened.ok) ticket = reopened.ticket
  desk.store.save(ticket)
  await ctx.reply(`收到您的评价（不满意）。工单 #${ticket.no} 已重新打开，并已督促${desk.names.body(ticket.leadBody)}重新处理，新的办结时限 ${shortTime(ticket.deadlines.closeBy)}。`)
  await carryOut(desk, ticket, escalateOnDissatisfaction(ticket), now)
  return true
}
