import type { Command, MessageContext } from '../../app/types.js'
import { parsePeriod } from '../../complaints/parse-period.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'
import { isAccused, isStaff, mayActFor, ownsTicket, parseBody, STAFF_ROLES } from './body-desk.js'
import { recusalRefusal, ticketFor } from './body-commands.js'
import type { Desk } from './desk.js'
import { dueTime, isOverdue, statsText, ticketDetails, ticketLine } from './format-ticket.js'
import { stateLabel } from '../../complaints/ticket-states.js'
import { DAY_MS } from '../../clock/shanghai-time.js'

const MAX_LINES = 30

/** Complainants, the chair, and members of the bodies a ticket involves may see it — never whom it accuses. */
function maySee (desk: Desk, contactId: string, t: Ticket): boolean {
  if (complainantsOf(t).includes(contactId)) return true
  return ownsTicket(desk.app, desk.rules, contactId, t) || mayActFor(desk.app, desk.rules, contactId, t.leadBody, t)
}

/** A body's own open tickets (each body sees only its own; nobody sees what accuses them). */
const ownOpen = (desk: Desk, contactId: string): Ticket[] =>
  desk.store.openTickets().filter(t => ownsTicket(desk.app, desk.rules, contactId, t))

/** Lists for groups leave out places of private tickets (neighbour matters). */
const lines = (desk: Desk, tickets: Ticket[], now: Date, showBody = true): string[] => {
  const shown = tickets.slice(0, MAX_LINES).map(t => ticketLine(t, desk.names, now, !t.private, showBody))
  return tickets.length > MAX_LINES ? [...shown, `……共 ${tickets.length} 件，只列出前 ${MAX_LINES} 件`] : shown
}

const overdueFirst = (now: Date) => (a: Ticket, b: Ticket): number =>
  Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.no - b.no

async function privately (ctx: MessageContext, text: string): Promise<void> {
  if (!ctx.room) return await ctx.reply(text)
  await ctx.replyPrivately(text, '为保护隐私，工单详情只在私聊中发送，请加我为好友后私聊我。')
  if (await ctx.app.directory.isFriend(ctx.talker.id)) await ctx.reply('详情已私聊您。')
}

export function queryCommands (getDesk: () => Promise<Desk>): Command[] {
  return [
    {
      names: ['状态'],
      roles: ['owner'],
      summary: '各单位未办结工单（逾期在前）',
      example: '/状态',
      async run (ctx) {
        const desk = await getDesk()
        const now = desk.app.clock.now()
        const open = desk.store.openTickets()
        if (open.length === 0) return await ctx.reply('目前没有未办结的工单。')
        const bodies = [...new Set(open.map(t => t.leadBody))]
        const rows = bodies.map(b => {
          const mine = open.filter(t => t.leadBody === b).sort(overdueFirst(now))
          const late = mine.filter(t => isOverdue(t, now)).length
          return { late, text: `${desk.names.body(b)}：未办结 ${mine.length} 件${late > 0 ? `，逾期 ${late} 件` : ''}`, mine }
        }).sort((a, b) => b.late - a.late)
        // Staff in private see the lines of their own bodies' tickets under the counts.
        const own = new Set(isStaff(desk.app, ctx.talker.id) && ctx.isPrivate ? ownOpen(desk, ctx.talker.id).map(t => t.no) : [])
        const text = rows.map(r => {
          const mine = r.mine.filter(t => own.has(t.no))
          return mine.length > 0 ? [r.text, ...lines(desk, mine, now, false).map(l => `  ${l}`)].join('\n') : r.text
        }).join('\n')
        await ctx.reply(`未办结工单（逾期在前）：\n${text}`)
      }
    },
    {
      names: ['工单'],
      roles: ['owner'],
      summary: '查看工单详情和记录；负责单位可查看列表',
      example: '/工单 27；/工单 列表 物业；/工单 列表 逾期',
      async run (ctx, { args }) {
        const desk = await getDesk()
        const now = desk.app.clock.now()
        if (args[0] === '列表') {
          if (!isStaff(desk.app, ctx.talker.id)) return await ctx.reply('工单列表只供各方工作人员查看。查看您自己反映的工单请发送 /我的工单。')
          let tickets = ownOpen(desk, ctx.talker.id)
          const filter = args[1]
          if (filter === '逾期') tickets = tickets.filter(t => isOverdue(t, now))
          else if (filter !== undefined) {
            const body = parseBody(desk.app, desk.skills, filter)
            if (!body) return await ctx.reply(`不认识“${filter}”。用法：/工单 列表 [单位|逾期]，单位如 物业、业委会、居委会。`)
            tickets = tickets.filter(t => t.leadBody === body)
          }
          if (tickets.length === 0) return await ctx.reply('您所在单位没有符合条件的未办结工单。')
          return await ctx.reply(lines(desk, tickets.sort(overdueFirst(now)), now).join('\n'))
        }
        const ticket = await ticketFor(desk, ctx, args[0], '/工单 27')
        if (!ticket) return
        if (isAccused(desk.app, desk.rules, ctx.talker.id, ticket) && !complainantsOf(ticket).includes(ctx.talker.id)) return await ctx.reply(recusalRefusal(desk, ticket, '查看'))
        if (!maySee(desk, ctx.talker.id, ticket)) {
          return await ctx.reply(isStaff(desk.app, ctx.talker.id)
            ? `工单 #${ticket.no} 由${desk.names.body(ticket.leadBody)}负责，不涉及您所在的单位，无法查看详情（/工单 列表 可看到各单位的待办）。`
            : '您只能查看自己反映的工单，请发送 /我的工单。')
        }
        // A public ticket's status may be read in the group by an owner who is not the bot's
        // friend (no names, no history); details stay private.
        if (ctx.room && !ticket.private && !(await ctx.app.directory.isFriend(ctx.talker.id))) {
          return await ctx.reply(`工单 #${ticket.no}（${desk.names.category(ticket.category)}）：${stateLabel(ticket.state)}，由${desk.names.body(ticket.leadBody)}负责，` +
            `${ticket.acknowledgedAt === null ? `受理时限 ${dueTime(ticket.deadlines.ackBy)}` : `办结时限 ${dueTime(ticket.deadlines.closeBy)}`}。加我为好友后私聊 /工单 ${ticket.no} 可看处理记录。`)
        }
        await privately(ctx, ticketDetails(ticket, desk.names, id => desk.app.roles.nameOf(id) ?? '工作人员'))
      }
    },
    {
      names: ['我的工单'],
      roles: ['owner'],
      summary: '我反映过的工单和进展',
      example: '/我的工单',
      async run (ctx) {
        const desk = await getDesk()
        const now = desk.app.clock.now()
        const mine = await desk.store.ticketsOf(ctx.talker.id, new Date(now.getTime() - 365 * DAY_MS))
        if (mine.length === 0) return await ctx.reply('您还没有反映过问题。可以直接说，例如：投诉 3号楼路灯坏了')
        await privately(ctx, ['您反映的工单（一年内及未办结的）：', ...lines(desk, mine, now), '查看详情：/工单 编号'].join('\n'))
      }
    },
    {
      names: ['统计'],
      roles: ['owner'],
      summary: '工单统计：调处率、处置有效率、满意率',
      example: '/统计（本季度）；/统计 本月；/统计 2026Q4',
      async run (ctx, { rest }) {
        const desk = await getDesk()
        const now = desk.app.clock.now()
        const period = parsePeriod(rest, now)
        if (!period) return await ctx.reply('请写统计期间：本季度（默认）、上季度、本月、上月、今年，或 2026Q4、2026-10、2026。')
        await ctx.reply(statsText(desk.store.stats(period, now), desk.names))
      }
    },
    {
      names: ['议程'],
      roles: STAFF_ROLES,
      summary: '下次四位一体联席会议的工单议题',
      example: '/议程',
      async run (ctx) {
        const desk = await getDesk()
        const now = desk.app.clock.now()
        // The agenda is shared by the four parties, less the items about the reader's own body.
        const items = desk.store.openTickets().filter(t => t.escalation.agenda && !isAccused(desk.app, desk.rules, ctx.talker.id, t))
        if (items.length === 0) return await ctx.reply('下次联席会议暂无待议工单（逾期警示、多方推诿和业主不满意的工单会自动列入）。')
        await ctx.reply(['下次四位一体联席会议（社区党组织书记主持）待议工单：', ...lines(desk, items, now)].join('\n'))
      }
    }
  ]
}

