import type { Command, MessageContext } from '../../app/types.js'
import { applyTicketAction } from '../../complaints/apply-ticket-action.js'
import { recordCorrection } from '../../complaints/corrections.js'
import { accusedOf, withdrawingBodies } from '../../complaints/recusal.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'
import { actingRole, isAccused } from './body-desk.js'
import { recusalRefusal, ticketFor } from './body-commands.js'
import { PROGRESS_FALLBACK, type Desk } from './desk.js'

const USAGE = '/撤销 27 经核实反映不实'

/**
 * The body a person withdraws a ticket for: a supervising body of the ticket (of the accused,
 * or of the lead body), or the committee through its chair when the committee is not accused.
 */
function withdrawingBody (desk: Desk, contactId: string, t: Ticket): string | undefined {
  const accused = accusedOf(t).bodies
  const roles = desk.app.roles.rolesOf(contactId)
  const body = withdrawingBodies(desk.rules, t).find(b => roles.has(actingRole(desk.rules, b, accused)))
  if (body) return body
  return roles.has('chair') && !accused.includes('committee') ? 'committee' : undefined
}

/** `/撤销 N 原因`: a false or mistaken ticket leaves every list and agenda and is counted apart. */
export function withdrawCommand (getDesk: () => Promise<Desk>): Command {
  return {
    names: ['撤销'],
    roles: ['owner'],
    audited: true,
    summary: '撤销不实或误登记的工单（监督单位、业委会主任，或反映的业主本人）',
    example: USAGE,
    async run (ctx, { args }) {
      const desk = await getDesk()
      const ticket = await ticketFor(desk, ctx, args[0], USAGE)
      if (!ticket) return
      const reason = args.slice(1).join(' ').trim()
      const own = complainantsOf(ticket).includes(ctx.talker.id)
      if (!own && isAccused(desk.app, desk.rules, ctx.talker.id, ticket)) return await ctx.reply(recusalRefusal(desk, ticket, '撤销'))
      const body = own ? undefined : withdrawingBody(desk, ctx.talker.id, ticket)
      if (!own && body === undefined) {
        const who = withdrawingBodies(desk.rules, ticket).map(desk.names.body).join('、')
        return await ctx.reply(`工单 #${ticket.no} 只能由${who ? `${who}、` : ''}业委会主任或反映的业主本人撤销。`)
      }
      if (reason === '') return await ctx.reply(`请写明撤销原因。用法：${USAGE}`)
      if (own && ticket.coComplainantIds.length > 0) return await leave(desk, ctx, ticket)
      const now = desk.app.clock.now()
      const result = applyTicketAction(ticket, 'withdraw', { actorId: ctx.talker.id, now, note: reason, deadlines: desk.config })
      if (!result.ok) return await ctx.reply(result.reason)
      const t = result.ticket
      desk.store.save(t) // stored before anyone is told
      // A body's withdrawal says the text was no complaint: the classifier learns it at once.
      if (body) recordCorrection({ text: t.text, category: null, action: 'withdraw', ticketNo: t.no, by: ctx.talker.id, at: now.toISOString() })
      const by = body ? desk.names.body(body) : '反映业主本人'
      await ctx.reply(`工单 #${t.no} 已撤销（原因：${reason}），不再列入待办和联席会议议程，/统计 中单独计数。`)
      await desk.toBodies([t.leadBody, ...t.informedBodies], `【工单 #${t.no} 已撤销】${desk.names.category(t.category)}：由${by}撤销，原因：${reason}。无需再处理。`, t)
      if (body) {
        await desk.toComplainants(t, `您反映的工单 #${t.no}（${desk.names.category(t.category)}）已由${by}撤销，原因：${reason}。如有异议或问题仍在，请重新反映，我会登记新的工单。`, PROGRESS_FALLBACK)
      }
    }
  }
}

/** A complainant withdraws from a ticket others raised too: they leave it, the ticket stays. */
async function leave (desk: Desk, ctx: MessageContext, t: Ticket): Promise<void> {
  const [next, ...rest] = t.complainantId === ctx.talker.id ? t.coComplainantIds : [t.complainantId, ...t.coComplainantIds.filter(id => id !== ctx.talker.id)]
  const now = desk.app.clock.now()
  const left: Ticket = {
    ...t,
    complainantId: next!,
    coComplainantIds: rest,
    complainantCount: 1 + rest.length,
    history: [...t.history, { at: now.toISOString(), actorId: ctx.talker.id, kind: 'withdraw', note: '一位业主撤回了反映' }]
  }
  desk.store.save(left)
  await ctx.reply(`已撤回您对工单 #${t.no} 的反映。另有 ${left.complainantCount} 位业主反映了同一问题，工单继续办理。`)
  await desk.toBodies([t.leadBody], `【工单 #${t.no}】一位业主撤回了反映（仍有 ${left.complainantCount} 位业主反映）。`, left)
}
