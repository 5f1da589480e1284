import type { MessageContext } from '../../app/types.js'
import { TICKET_REFERENCE } from '../../classify/message-patterns.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import { complainantsOf } from '../../complaints/ticket.js'
import { isOpenState, stateLabel } from '../../complaints/ticket-states.js'
import type { Desk } from './desk.js'
import { dueTime } from './format-ticket.js'
import { tellPrivately, whoOf } from './register-complaint.js'

const MAX_NOTE = 200

/**
 * `#27 怎么还没修` from someone who raised ticket 27: tell them where it stands and pass the
 * chase on to the body in charge (recorded in the ticket's history). Works without an @ in a
 * group. Anyone else gets a polite pointer to /工单 N, which shows the ticket only to those
 * allowed to see it: nothing here reveals whether #N exists or whose it is.
 */
export async function chaseTicket (desk: Desk, ctx: MessageContext): Promise<boolean> {
  const m = TICKET_REFERENCE.exec(ctx.text)
  if (!m) return false
  const no = Number(m[1])
  const note = (m[2] ?? '').trim().slice(0, MAX_NOTE)
  const ticket = await desk.store.get(no)
  if (!ticket || !complainantsOf(ticket).includes(ctx.talker.id)) {
    await ctx.reply(`想了解工单 #${no} 的进展，请私聊我发送 /工单 ${no}（反映人和负责单位可以查看）；您自己反映的事项请发送 /我的工单。`)
    return true
  }
  const label = stateLabel(ticket.state)
  if (!isOpenState(ticket.state)) {
    await ctx.reply(`工单 #${no} 已是「${label}」状态。如问题仍未解决，请重新反映，我会登记新的工单。`)
    return true
  }
  const now = desk.app.clock.now()
  ticket.history.push({ at: now.toISOString(), actorId: ctx.talker.id, kind: 'chase', note: note || undefined })
  desk.store.save(ticket)
  const body = desk.names.body(ticket.leadBody)
  await desk.toBodies([ticket.leadBody], `【业主催办】工单 #${no}（${desk.names.category(ticket.category)}）${note ? `：${maskPhones(note)}` : ''}\n办结时限 ${dueTime(ticket.deadlines.closeBy)}，请尽快处理并用 /回复 ${no} 告知进展。`, ticket)
  const told = `工单 #${no} 目前「${label}」，由${body}负责，办结时限 ${dueTime(ticket.deadlines.closeBy)}。已替您催办。`
  // A private matter (neighbours, the committee, the property company) is not discussed in the group.
  if (ticket.private && ctx.room) await tellPrivately(whoOf(ctx), told, '收到，已替您催办。为保护隐私，请加我为好友后私聊 /我的工单 查看进展。')
  else await ctx.reply(told)
  return true
}
