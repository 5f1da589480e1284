import { checkEscalation, expireRating, JOINT_BODY, recordEscalation, type EscalationStep } from '../../complaints/check-escalation.js'
import type { Ticket } from '../../complaints/ticket.js'
import type { Desk } from './desk.js'
import { dueTime } from './format-ticket.js'

const STAGE_WORDS: Record<EscalationStep['stage'], string> = {
  acknowledge: '受理时限',
  close: '办结时限',
  dissatisfied: '业主评价“不满意”',
  multi_party: '涉及多方'
}
/** What has not happened yet at an overdue stage. */
const NOT_YET: Record<EscalationStep['stage'], string> = { acknowledge: '受理', close: '办结', dissatisfied: '办结', multi_party: '协调' }

function letter (desk: Desk, t: Ticket, step: EscalationStep): string {
  const what = `工单 #${t.no}（${desk.names.category(t.category)}${t.location ? `，${t.location.text}` : ''}）`
  const deadline = step.stage === 'acknowledge' ? t.deadlines.ackBy : t.deadlines.closeBy
  const warnAt = step.stage === 'acknowledge' ? t.deadlines.ackWarnAt : t.deadlines.closeWarnAt
  if (step.kind === '联席会议') {
    return `【联席会议议题】${what}涉及多方，已列入下次四位一体联席会议议程，请社区党组织牵头协调。\n内容：${t.text}`
  }
  if (step.stage === 'dissatisfied') {
    return `【${step.kind}函】${what}业主评价“不满意”，工单已重新打开，请${desk.names.body(t.leadBody)}重新处理，办结时限 ${dueTime(t.deadlines.closeBy)}。` +
      (step.agenda ? '该工单已列入下次联席会议议程。' : '')
  }
  return step.kind === '提示'
    ? `【提示函】${what}已超过${STAGE_WORDS[step.stage]}（${dueTime(deadline)}）仍未${NOT_YET[step.stage]}，请${desk.names.body(t.leadBody)}尽快处理，并用 /回复 ${t.no} 告知业主进展。`
    : `【警示函】${what}${STAGE_WORDS[step.stage]}为 ${dueTime(deadline)}，到 ${dueTime(warnAt)} 仍未${NOT_YET[step.stage]}，已报社区党组织并列入下次联席会议议程，请${desk.names.body(t.leadBody)}立即处理。`
}

/** Send one escalation step and record it; returns the stored ticket. */
export async function carryOut (desk: Desk, ticket: Ticket, step: EscalationStep, now: Date): Promise<Ticket> {
  // From the stored value: sending earlier letters took awaits, a body may have acted meanwhile.
  const next = recordEscalation(desk.store.current(ticket.no) ?? ticket, step, now)
  desk.store.save(next) // recorded before sending: a crash must not send the letter twice
  const bodies = step.kind === '联席会议' ? [...step.notify, JOINT_BODY] : step.notify
  await desk.toBodies(bodies, letter(desk, next, step))
  if (step.agenda && !ticket.escalation.agenda) {
    await desk.toComplainants(next, `您反映的工单 #${next.no} 已列入四位一体联席会议议程，将由社区党组织牵头协调解决。`,
      next.private ? '您反映的问题有新进展，请加我为好友后私聊查看。' : `您反映的工单 #${next.no} 有新进展，请加我为好友后私聊 /工单 ${next.no} 查看。`)
  }
  return next
}

/** The clock's work: overdue letters, the agenda, ratings not given in time. */
export async function escalateTickets (desk: Desk, now: Date): Promise<void> {
  for (const ticket of desk.store.openTickets()) {
    let current = desk.store.current(ticket.no) ?? ticket
    if (current.state !== ticket.state) continue // acted on while earlier letters were sent
    for (const step of checkEscalation(current, now)) current = await carryOut(desk, current, step, now)
  }
  for (const waiting of desk.store.awaitingRating()) {
    const expired = expireRating(desk.store.current(waiting.no) ?? waiting, now, desk.config.rating_wait_days)
    if (expired) desk.store.save(expired)
  }
}
