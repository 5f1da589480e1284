import type { MessageContext } from '../../app/types.js'
import type { ComplaintLocation } from '../../complaints/extract-location.js'
import type { Desk } from './desk.js'
import { answerJudge, LOCATION_WAIT_MIN, readLocationAnswer, type Draft, type Pending } from './pending-location.js'
import { register, tellPrivately, whoOf, type Who } from './register-complaint.js'

const LATER_FALLBACK = '您反映的问题已登记，请加我为好友后私聊 /我的工单 查看进展。'

/** Told later, by the clock: privately, or a detail-free @-mention in the group it came from. */
function whoLater (desk: Desk, pending: Pending): Who {
  const send = async (text: string, fallback: string): Promise<void> =>
    await desk.app.outbox.toContact({ contactId: pending.contactId, text, fallbackRoomId: pending.roomId ?? undefined, fallbackText: fallback })
  return { id: pending.contactId, roomId: null, reply: async text => await send(text, LATER_FALLBACK), replyPrivately: send, isFriend: async () => true }
}

/** Ask once for the place; a draft is filed when answered, or without a place after the wait. */
export async function askLocation (desk: Desk, who: Who, what: { draft: Draft } | { ticketNo: number }): Promise<void> {
  const pending: Pending = { contactId: who.id, askedAt: desk.app.clock.now().toISOString(), roomId: who.roomId, ...what }
  await settle(desk, who.id) // an earlier question still open: file it as it is
  desk.pending.update(d => { d.byContact[who.id] = pending })
  const body = desk.names.body('draft' in what ? what.draft.bodies[0] ?? 'committee' : (await desk.store.get(what.ticketNo))?.leadBody ?? 'committee')
  const ask = 'draft' in what
    ? `请补充具体位置（如 5号楼2单元、东门、地下车库），我好转给${body}。不清楚可回复“跳过”；${LOCATION_WAIT_MIN} 分钟内没有回复，我先按“位置未说明”登记。`
    : `工单 #${what.ticketNo} 已按紧急事项通知${body}。请马上补充具体位置（如 5号楼2单元），我立即转告。`
  if (!who.roomId) return await who.reply(ask)
  await who.replyPrivately(ask, '请 @我 回复具体位置（几号楼几单元或哪个门）。')
  if (await who.isFriend()) await who.reply('收到，请在私聊中补充具体位置。')
}

const ASK_AGAIN = '您刚才反映的问题还缺具体位置：请直接回复位置（如 5号楼2单元、东门、地下车库），不清楚可回复“跳过”。'

/**
 * The person's next message after the question. Only a place (or 跳过) answers it. Anything
 * else is handled as a new message (returns false): a new matter (a complaint, a command) files
 * the draft without a place first, so it is never taken for the place of the first one; any
 * other message gets the question asked once more (issue 10: "今天天气怎么样" is not a place).
 * Runs before the Q&A, so that a question asked meanwhile is answered and the place asked again.
 */
export async function answerPending (desk: Desk, ctx: MessageContext): Promise<boolean> {
  const pending = desk.pending.data.byContact[ctx.talker.id]
  if (!pending) return false
  const category = pending.draft?.category ?? (pending.ticketNo ? (await desk.store.get(pending.ticketNo))?.category : undefined) ?? ''
  const answer = readLocationAnswer(ctx.text, category, answerJudge(desk.classify), desk.app.compound.landmarks)
  if (answer.kind === 'other') {
    if (answer.ignore === true) return false
    if (answer.newMatter || pending.reasked === true) {
      await settle(desk, ctx.talker.id, whoOf(ctx))
      return false
    }
    desk.pending.update(d => { const p = d.byContact[ctx.talker.id]; if (p) p.reasked = true })
    if (ctx.room) await ctx.replyPrivately(ASK_AGAIN, '请 @我 回复具体位置（几号楼几单元或哪个门），不清楚可回复“跳过”。')
    else await ctx.reply(ASK_AGAIN)
    return false
  }
  take(desk, ctx.talker.id)
  const location = answer.kind === 'place' ? answer.location : null
  if (pending.draft) await register(desk, whoOf(ctx), pending.draft, location, desk.app.clock.now())
  else if (pending.ticketNo !== undefined) await completeLocation(desk, whoOf(ctx), pending.ticketNo, location)
  return true
}

/** The clock: file drafts nobody gave a place for within the wait. */
export async function settleOverdue (desk: Desk, now: Date): Promise<void> {
  const limit = now.getTime() - LOCATION_WAIT_MIN * 60_000
  for (const p of Object.values(desk.pending.data.byContact)) {
    if (Date.parse(p.askedAt) <= limit) await settle(desk, p.contactId)
  }
}

function take (desk: Desk, contactId: string): Pending | undefined {
  const pending = desk.pending.data.byContact[contactId]
  if (pending) desk.pending.update(d => { delete d.byContact[contactId] })
  return pending
}

/** Close a person's open question: a draft is filed without a place; an urgent ticket stays as it is. */
async function settle (desk: Desk, contactId: string, who?: Who): Promise<void> {
  const pending = take(desk, contactId)
  if (!pending?.draft) return
  await register(desk, who ?? whoLater(desk, pending), pending.draft, null, desk.app.clock.now())
}

async function completeLocation (desk: Desk, who: Who, no: number, location: ComplaintLocation | null): Promise<void> {
  const ticket = await desk.store.get(no)
  if (!ticket) return
  if (!location) return await who.reply(`好的，工单 #${no} 按“位置未说明”处理，${desk.names.body(ticket.leadBody)}可能会联系您确认。`)
  const now = desk.app.clock.now()
  desk.store.save({
    ...ticket,
    location,
    history: [...ticket.history, { at: now.toISOString(), actorId: who.id, kind: 'locate', note: location.text }]
  })
  await desk.toBodies([ticket.leadBody], `【工单 #${no} 补充位置】${location.text}`, ticket)
  const told = `已把位置（${location.text}）转告${desk.names.body(ticket.leadBody)}。`
  if (ticket.private && who.roomId) await tellPrivately(who, told, '收到，已转告。')
  else await who.reply(told)
}
