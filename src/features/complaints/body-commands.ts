import type { Command, MessageContext } from '../../app/types.js'
import { applyTicketAction, TRIAGE_BODY } from '../../complaints/apply-ticket-action.js'
import type { Ticket } from '../../complaints/ticket.js'
import { stateLabel, type TicketAction } from '../../complaints/ticket-states.js'
import { recordCorrection } from '../../complaints/corrections.js'
import { isAccused, mayActFor, parseBody, STAFF_ROLES } from './body-desk.js'
import { PRIVATE_PROGRESS, type Desk } from './desk.js'
import { dueTime, ticketCard } from './format-ticket.js'
import { withdrawCommand } from './withdraw-ticket.js'

export const parseTicketNo = (word: string | undefined): number | undefined => {
  const m = /^#?(\d{1,9})$/.exec(word?.trim() ?? '')
  return m ? Number(m[1]) : undefined
}

/** The ticket a command names, after checking the number and who may act; undefined when refused (already answered). */
export async function ticketFor (desk: Desk, ctx: MessageContext, word: string | undefined, usage: string): Promise<Ticket | undefined> {
  const no = parseTicketNo(word)
  if (no === undefined) {
    await ctx.reply(word === undefined ? `请写明工单编号。用法：${usage}` : `“${word}”不是工单编号，编号是数字（如 27）。用法：${usage}`)
    return undefined
  }
  const ticket = await desk.store.get(no)
  if (!ticket) {
    await ctx.reply(`没有工单 #${no}，请核对编号（负责单位可发送 /工单 列表 查看待办）。`)
    return undefined
  }
  return ticket
}

interface Spec {
  action: TicketAction
  names: string[]
  summary: string
  usage: string
  /** words needed after the number, and what to call them when missing */
  needs: Array<'body' | 'text'>
  textName?: string
}

const SPECS: Spec[] = [
  { action: 'acknowledge', names: ['受理'], summary: '受理工单（负责单位成员）', usage: '/受理 27', needs: [] },
  { action: 'reply', names: ['回复'], summary: '向反映业主回复进展', usage: '/回复 27 师傅下午两点到场', needs: ['text'], textName: '回复内容' },
  { action: 'transfer', names: ['转办'], summary: '转给更合适的单位', usage: '/转办 27 居委会 属于邻里纠纷', needs: ['body', 'text'], textName: '转办原因' },
  { action: 'close', names: ['办结'], summary: '办结工单并请业主评价', usage: '/办结 27 已更换电梯主板，恢复运行', needs: ['text'], textName: '处理结果' },
  { action: 'return', names: ['退回'], summary: '不属本单位，退回业委会重新分派', usage: '/退回 27 属于开发商遗留问题', needs: ['text'], textName: '退回原因' }
]

/** Said to someone a ticket accuses: it names neither the matter nor who raised it. */
export const recusalRefusal = (desk: Desk, t: Ticket, what: string): string =>
  `工单 #${t.no} 涉及您所在的单位，按照回避规则由${desk.names.body(t.leadBody)}办理，您不能${what}，谢谢理解。`

export function bodyCommands (getDesk: () => Promise<Desk>): Command[] {
  return [...SPECS.map((spec): Command => ({
    names: spec.names,
    roles: STAFF_ROLES,
    audited: true,
    summary: spec.summary,
    example: spec.usage,
    async run (ctx, { args }) {
      const desk = await getDesk()
      const ticket = await ticketFor(desk, ctx, args[0], spec.usage)
      if (!ticket) return
      if (isAccused(desk.app, desk.rules, ctx.talker.id, ticket)) return await ctx.reply(recusalRefusal(desk, ticket, spec.names[0]!))
      if (!mayActFor(desk.app, desk.rules, ctx.talker.id, ticket.leadBody, ticket)) {
        return await ctx.reply(`工单 #${ticket.no} 由${desk.names.body(ticket.leadBody)}负责，只有该单位成员或业委会主任可以${spec.names[0]}。`)
      }
      let rest = args.slice(1)
      let toBody: string | undefined
      if (spec.needs.includes('body')) {
        if (rest[0] === undefined) return await ctx.reply(`请写明转给哪个单位（物业、业委会、居委会、党组织、联席会议、城管、房管、派出所、街道）。用法：${spec.usage}`)
        toBody = parseBody(desk.app, desk.skills, rest[0])
        if (!toBody) return await ctx.reply(`不认识单位“${rest[0]}”。可写：物业、业委会、居委会、党组织、联席会议、城管、房管、派出所、街道。`)
        rest = rest.slice(1)
      }
      const note = rest.join(' ').trim()
      if (spec.needs.includes('text') && note === '') return await ctx.reply(`请写明${spec.textName ?? '内容'}。用法：${spec.usage}`)
      const refusal = refuse(desk, ticket, spec.action, toBody)
      if (refusal) return await ctx.reply(refusal)
      const now = desk.app.clock.now()
      // The value stored now: another handler may have changed the ticket while this one was read.
      const result = applyTicketAction(desk.store.current(ticket.no) ?? ticket, spec.action, { actorId: ctx.talker.id, now, note: note || undefined, toBody, deadlines: desk.config })
      if (!result.ok) return await ctx.reply(result.reason)
      desk.store.save(result.ticket) // stored before anyone is told
      if (spec.action === 'transfer') {
        // The body that knows better corrects the routing: similar complaints go there from now on.
        recordCorrection({ text: ticket.text, category: ticket.category, body: toBody, action: 'transfer', ticketNo: ticket.no, by: ctx.talker.id, at: now.toISOString() })
      }
      await announce(desk, ctx, ticket, result.ticket, spec.action, note)
    }
  })), withdrawCommand(getDesk)]
}

/** Requests the state table allows but that make no sense, answered in words (undefined: go ahead). */
function refuse (desk: Desk, t: Ticket, action: TicketAction, toBody: string | undefined): string | undefined {
  const n = desk.names
  if (action === 'transfer' && toBody === t.leadBody) return `工单 #${t.no} 现在就由${n.body(t.leadBody)}负责，请写另一个单位。`
  if (action === 'return' && t.leadBody === TRIAGE_BODY) {
    return `工单 #${t.no} 由${n.body(TRIAGE_BODY)}负责分派，不能退回给自己。不属于${n.body(TRIAGE_BODY)}的，请用 /转办 ${t.no} 单位 原因 转给负责的单位。`
  }
  if (action === 'acknowledge' && t.acknowledgedAt !== null && t.state !== 'closed') {
    return `工单 #${t.no} 已受理过（${stateLabel(t.state)}），无需重复受理。告知业主进展请用 /回复 ${t.no} 内容，处理完请用 /办结 ${t.no} 结果。`
  }
  return undefined
}

async function announce (desk: Desk, ctx: MessageContext, before: Ticket, t: Ticket, action: TicketAction, note: string): Promise<void> {
  const n = desk.names
  const lead = n.body(t.leadBody)
  switch (action) {
    case 'acknowledge': {
      // A late acceptance says so, and a close deadline already past is not promised again.
      const now = Date.parse(t.acknowledgedAt ?? '')
      const late = now > Date.parse(before.deadlines.ackBy) ? `（受理时限 ${dueTime(before.deadlines.ackBy)} 已过，属逾期受理）` : ''
      const closeLate = now >= Date.parse(t.deadlines.closeBy)
      await ctx.reply(`已受理工单 #${t.no}${late}，` + (closeLate ? `办结时限 ${dueTime(t.deadlines.closeBy)} 也已过，请尽快办结。` : `请在 ${dueTime(t.deadlines.closeBy)} 前办结。`))
      await desk.toComplainants(t, `您反映的工单 #${t.no}（${n.category(t.category)}）已由${lead}受理${late ? '（逾期受理）' : ''}，` +
        (closeLate ? '已督促尽快办结。' : `预计 ${dueTime(t.deadlines.closeBy)} 前办结。`), PRIVATE_PROGRESS)
      return
    }
    case 'reply':
      await ctx.reply(`已把回复转告反映工单 #${t.no} 的 ${t.complainantCount} 位业主。`)
      await desk.toComplainants(t, `工单 #${t.no} ${lead}回复：${note}`, PRIVATE_PROGRESS)
      return
    case 'transfer':
      await ctx.reply(`工单 #${t.no} 已转${lead}。`)
      await desk.toBodies([t.leadBody], ticketCard(t, n, `转办（自${n.body(before.leadBody)}，原因：${note}）`, false), t)
      await desk.toComplainants(t, `您反映的工单 #${t.no} 已转由${lead}处理（原因：${note}），${dueTime(t.deadlines.ackBy)} 前受理。`, PRIVATE_PROGRESS)
      return
    case 'return':
      await ctx.reply(`工单 #${t.no} 已退回${lead}重新分派。`)
      await desk.toBodies([t.leadBody], ticketCard(t, n, `退回待分派（${n.body(before.leadBody)}：${note}）`, false), t)
      await desk.toComplainants(t, `您反映的工单 #${t.no} 经${n.body(before.leadBody)}说明不属其职责（${note}），已交${lead}重新分派。`, PRIVATE_PROGRESS)
      return
    case 'close': {
      await ctx.reply(`工单 #${t.no} 已办结，已请业主评价。`)
      const ask = '请评价处理结果，回复数字：1 满意　2 基本满意　3 不满意（3 天内未评价记为“未评价”）。'
      await desk.toComplainants(t, `您反映的工单 #${t.no}（${n.category(t.category)}）已由${lead}办结：${note}\n${ask}`,
        '您的反映已办结，请 @我 回复 1 满意、2 基本满意、3 不满意。')
      return
    }
    case 'reopen':
    case 'withdraw':
      return
  }
}

