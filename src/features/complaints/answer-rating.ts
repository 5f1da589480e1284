import type { MessageContext } from '../../app/types.js'
import { applyTicketAction, rateTicket } from '../../complaints/apply-ticket-action.js'
import { escalateOnDissatisfaction } from '../../complaints/check-escalation.js'
import { complainantsOf, type Rating, type Ticket } from '../../complaints/ticket.js'
import type { Desk } from './desk.js'
import { carryOut } from './escalate-tickets.js'
import { dueTime } from './format-ticket.js'

const RATINGS: Record<string, Rating> = { 1: '满意', 2: '基本满意', 3: '不满意', 满意: '满意', 基本满意: '基本满意', 不满意: '不满意' }
const WORD = '([123]|满意|基本满意|不满意)'
// "3", "满意", and with a ticket number when several wait: "27号 3", "27号满意", "3 27号".
// (A leading # is a command to the router, so the number is written with 号 or a space.)
const BARE = new RegExp(`^${WORD}[。.!！]?$`, 'u')
const NUMBER_FIRST = new RegExp(`^(?:评价\\s*)?(?:工单\\s*)?#?(\\d{1,9})(?:\\s*号\\s*|\\s*[:：,，]\\s*|\\s+)${WORD}[。.!！]?$`, 'u')
const RATING_FIRST = new RegExp(`^${WORD}\\s*[,，\\s]\\s*(?:工单\\s*)?#?(\\d{1,9})号?$`, 'u')

function readRating (text: string): { rating: Rating, no?: number } | undefined {
  const t = text.trim()
  let m = BARE.exec(t)
  if (m) return { rating: RATINGS[m[1]!]! }
  m = NUMBER_FIRST.exec(t)
  if (m) return { rating: RATINGS[m[2]!]!, no: Number(m[1]) }
  m = RATING_FIRST.exec(t)
  if (m) return { rating: RATINGS[m[1]!]!, no: Number(m[2]) }
  return undefined
}

/** A rating for a closed ticket the person raised; the newest waiting one unless a number is given. */
export async function answerRating (desk: Desk, ctx: MessageContext): Promise<boolean> {
  const read = readRating(ctx.text)
  if (!read) return false
  const waiting = desk.store.awaitingRating().filter(t => complainantsOf(t).includes(ctx.talker.id))
    .sort((a, b) => Date.parse(b.ratingAskedAt!) - Date.parse(a.ratingAskedAt!))
  if (waiting.length === 0) return false
  const target = read.no === undefined ? waiting[0] : waiting.find(t => t.no === read.no)
  if (!target) {
    await ctx.reply(`工单 #${read.no} 不在待评价之列。您待评价的工单：${waiting.map(t => `#${t.no}`).join('、')}，例如回复“${waiting[0]!.no}号 1”。`)
    return true
  }
  const others = waiting.filter(t => t.no !== target.no)
  const more = others.length > 0 ? `您还有工单 ${others.map(t => `#${t.no}`).join('、')} 待评价，可回复“${others[0]!.no}号 1”（工单号加评价数字）。` : ''
  await rate(desk, ctx, target, read.rating, more)
  return true
}

async function rate (desk: Desk, ctx: MessageContext, waiting: Ticket, rating: Rating, more: string): Promise<void> {
  const now = desk.app.clock.now()
  let ticket = rateTicket(waiting, rating, ctx.talker.id, now)
  if (rating !== '不满意') {
    desk.store.save(ticket)
    return await ctx.reply(`感谢您对工单 #${ticket.no} 的评价（${rating}）！${more}`)
  }
  const reopened = applyTicketAction(ticket, 'reopen', { actorId: ctx.talker.id, now, deadlines: desk.config })
  if (reopened.ok) ticket = reopened.ticket
  desk.store.save(ticket)
  await ctx.reply(`收到您的评价（不满意）。工单 #${ticket.no} 已重新打开，并已督促${desk.names.body(ticket.leadBody)}重新处理，新的办结时限 ${dueTime(ticket.deadlines.closeBy)}。${more}`)
  await carryOut(desk, ticket, escalateOnDissatisfaction(ticket), now)
}
