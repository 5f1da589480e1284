import type { MessageContext, Session } from '../../app/types.js'
import { joinTicket } from '../../complaints/apply-ticket-action.js'
import { checkEscalation } from '../../complaints/check-escalation.js'
import { createTicket } from '../../complaints/create-ticket.js'
import type { ComplaintLocation } from '../../complaints/extract-location.js'
import { isSameMatter } from '../../complaints/is-same-matter.js'
import type { Ticket } from '../../complaints/ticket.js'
import type { Desk } from './desk.js'
import { carryOut } from './escalate-tickets.js'
import { dueSpan, ticketCard } from './format-ticket.js'
import type { Draft } from './pending-location.js'
import { rememberLookups } from './ticket-targets.js'
import { DAY_MS } from '../../clock/shanghai-time.js'

/** Whom intake answers: the person in the chat, or (from the clock) privately with a group fallback. */
export interface Who {
  id: string
  /** the group the complaint was raised in; null in private */
  roomId: string | null
  reply: (text: string) => Promise<void>
  replyPrivately: (text: string, fallback: string) => Promise<void>
  isFriend: () => Promise<boolean>
  /** The person's conversation state, when they are talking to the bot now. */
  session?: Session
}

export const whoOf = (ctx: MessageContext): Who => ({
  id: ctx.talker.id,
  roomId: ctx.room?.id ?? null,
  reply: async text => await ctx.reply(text),
  replyPrivately: async (text, fallback) => await ctx.replyPrivately(text, fallback),
  isFriend: async () => await ctx.app.directory.isFriend(ctx.talker.id),
  session: ctx.session
})

/** Private matters stay out of the group: details privately, a bare acknowledgement in the group. */
export async function tellPrivately (who: Who, text: string, fallback: string): Promise<void> {
  await who.replyPrivately(text, fallback)
  if (await who.isFriend()) await who.reply('收到，为保护隐私，详情已私聊您。')
}

// Said once with every urgent ticket: the bot relays, it does not rescue.
const URGENT_ADVICE = '如有人员被困、受伤或起火、燃气泄漏等危险，请同时拨打 119（火警）、110（报警）或 120（急救）。'

/** File a complaint, or join it to the open ticket about the same matter. Returns the new ticket (undefined when joined). */
export async function register (desk: Desk, who: Who, draft: Draft, location: ComplaintLocation | null, now: Date): Promise<Ticket | undefined> {
  const window = now.getTime() - desk.config.duplicate_window_days * DAY_MS
  const same = desk.store.openTickets().find(t => Date.parse(t.createdAt) >= window &&
    isSameMatter({ category: t.category, location: t.location, compoundWide: draft.compoundWide }, { category: draft.category, location, compoundWide: draft.compoundWide }))
  if (same) {
    await joinExisting(desk, who, same, draft, now)
    return undefined
  }

  // Whom it accuses steps aside before anything is filed or sent (recusal.yaml).
  const recused = desk.recuse(draft)
  const ticket = await desk.store.create(no => createTicket({ ...draft, ...recused, no, location, complainantId: who.id, now, deadlines: desk.config }))
  const n = desk.names
  const cut = [...draft.text].length > desk.config.max_text ? `（内容较长，工单保存了前 ${desk.config.max_text} 字）` : ''
  const urgent = ticket.urgent ? `已按紧急事项通知。${URGENT_ADVICE}` : ''
  const detail = `已登记工单 #${ticket.no}（${n.category(ticket.category)}${ticket.location ? `，${ticket.location.text}` : ''}），` +
    `已转${n.body(ticket.leadBody)}，${dueSpan(ticket.deadlines.ackBy, ticket.deadlines.closeBy, '，')}。` +
    `${urgent}进展会通知您，也可发送 /工单 ${ticket.no} 查看。${cut}`
  // The cards are queued before the complainant hears "已登记": whatever the bot confirms to
  // an owner, the body's card is already in the queue (a crash in between cannot drop it).
  // One card per target: a relay that already has the lead's card gets no 知会 copy.
  const lookup = rememberLookups(desk.app.directory)
  const lead = await desk.deliveries([ticket.leadBody], ticket, lookup)
  const informed = (await desk.deliveries(ticket.informedBodies, ticket, lookup)).filter(d => !lead.some(l => l.key === d.key))
  for (const d of lead) await d.send(d.note + ticketCard(ticket, n, ticket.urgent ? '紧急工单' : '新工单', false))
  for (const d of informed) await d.send(d.note + ticketCard(ticket, n, '知会', false))
  if (ticket.private && who.roomId) {
    // Neighbour matters and complaints about the committee or property company stay out of the group.
    await tellPrivately(who, detail, '收到您的反映，已登记。为保护隐私，请加我为好友后私聊 /我的工单 查看进展。')
  } else if (who.roomId) {
    await who.reply(`已登记 #${ticket.no}，已转${n.body(ticket.leadBody)}，${dueSpan(ticket.deadlines.ackBy, ticket.deadlines.closeBy)}。${ticket.urgent ? `（紧急）${URGENT_ADVICE}` : ''}${cut}`)
  } else {
    await who.reply(detail)
  }
  let current = ticket
  for (const step of checkEscalation(current, now)) current = await carryOut(desk, current, step, now) // multi_party → agenda at once
  return current
}

async function joinExisting (desk: Desk, who: Who, ticket: Ticket, draft: Draft, now: Date): Promise<void> {
  const already = ticket.complainantId === who.id || ticket.coComplainantIds.includes(who.id)
  // The same report sent again and again (twenty times at once) is acknowledged once an hour.
  if (already && who.session !== undefined) {
    const key = `told-already-${ticket.no}`
    if (who.session.get(key) !== undefined) return
    who.session.set(key, true, 60)
  }
  const joined = joinTicket(ticket, who.id, now, draft.text)
  desk.store.save(joined)
  const n = desk.names
  const text = already
    ? `您已反映过这件事（工单 #${ticket.no}，${n.body(ticket.leadBody)}处理中），有进展会通知您。`
    : `已有业主反映过这件事（工单 #${ticket.no}，共 ${joined.complainantCount} 位业主反映），已为您加入该工单，${n.body(ticket.leadBody)}处理进展会同时通知您。`
  if (ticket.private && who.roomId) {
    await tellPrivately(who, text, '收到，已有业主反映过这件事，已为您登记。请加我为好友后私聊 /我的工单 查看进展。')
  } else {
    await who.reply(text)
  }
  if (!already) await desk.toBodies([ticket.leadBody], `【工单 #${ticket.no}】又有业主反映（共 ${joined.complainantCount} 位）：${draft.text}`, joined)
}
