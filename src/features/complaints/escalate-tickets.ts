import { checkEscalation, expireRating, JOINT_BODY, PARTY_BODY, recordEscalation, type EscalationStep } from '../../complaints/check-escalation.js'
import { accusedOf, relayOf, takesLetters } from '../../complaints/recusal.js'
import type { Ticket } from '../../complaints/ticket.js'
import { PRIVATE_PROGRESS, type Desk } from './desk.js'
import { dueTime } from './format-ticket.js'
import { rememberLookups } from './ticket-targets.js'

const STAGE_WORDS: Record<EscalationStep['stage'], string> = {
  acknowledge: '受理时限',
  close: '办结时限',
  dissatisfied: '业主评价“不满意”',
  multi_party: '涉及多方'
}
/** What has not happened yet at an overdue stage. */
const NOT_YET: Record<EscalationStep['stage'], string> = { acknowledge: '受理', close: '办结', dissatisfied: '办结', multi_party: '协调' }

/** A letter and whom it goes to. */
interface Letter { bodies: string[], text: string, ticket: Ticket }

/**
 * The letter a step calls for. 提示函/警示函 go to the four parties only (seed 003); a ticket
 * led by a government department is referred to it through its relay (the residents'
 * committee), with the party organization told at the warning stage.
 */
function letterFor (desk: Desk, t: Ticket, step: EscalationStep): Letter {
  const n = desk.names
  const what = `工单 #${t.no}（${n.category(t.category)}${t.location ? `，${t.location.text}` : ''}）`
  const deadline = step.stage === 'acknowledge' ? t.deadlines.ackBy : t.deadlines.closeBy
  const warnAt = step.stage === 'acknowledge' ? t.deadlines.ackWarnAt : t.deadlines.closeWarnAt
  const lead = n.body(t.leadBody)
  if (step.kind === '联席会议') {
    return { ticket: t, bodies: [...step.notify, JOINT_BODY], text: `【联席会议议题】${what}涉及多方，已列入下次四位一体联席会议议程，请社区党组织牵头协调。\n内容：${t.text}` }
  }
  const agenda = step.agenda ? '该工单已列入下次联席会议议程。' : ''
  if (!takesLetters(desk.rules, t.leadBody)) {
    const relay = relayOf(desk.rules, t.leadBody, accusedOf(t).bodies) ?? PARTY_BODY
    const bodies = step.level === 2 ? [relay, PARTY_BODY] : [relay]
    const head = step.level === 2 ? '【督办转办】' : '【转办提醒】'
    const late = step.stage === 'dissatisfied'
      ? `业主评价“不满意”，工单已重新打开，办结时限 ${dueTime(t.deadlines.closeBy)}`
      : `${STAGE_WORDS[step.stage]}为 ${dueTime(deadline)}，${step.level === 2 ? `到 ${dueTime(warnAt)} ` : '已过，'}仍未${NOT_YET[step.stage]}`
    return { ticket: t, bodies, text: `${head}${what}由${lead}负责，${late}。请${n.body(relay)}向${lead}转达并跟进，用 /回复 ${t.no} 告知业主进展。${agenda}` }
  }
  if (step.stage === 'dissatisfied') {
    return { ticket: t, bodies: step.notify, text: `【${step.kind}函】${what}业主评价“不满意”，工单已重新打开，请${lead}重新处理，办结时限 ${dueTime(t.deadlines.closeBy)}。${agenda}` }
  }
  return {
    ticket: t,
    bodies: step.notify,
    text: step.kind === '提示'
      ? `【提示函】${what}已超过${STAGE_WORDS[step.stage]}（${dueTime(deadline)}）仍未${NOT_YET[step.stage]}，请${lead}尽快处理，并用 /回复 ${t.no} 告知业主进展。`
      : `【警示函】${what}${STAGE_WORDS[step.stage]}为 ${dueTime(deadline)}，到 ${dueTime(warnAt)} 仍未${NOT_YET[step.stage]}，已报社区党组织并列入下次联席会议议程，请${lead}立即处理。`
  }
}

async function tellAgenda (desk: Desk, t: Ticket): Promise<void> {
  await desk.toComplainants(t, `您反映的工单 #${t.no} 已列入四位一体联席会议议程，将由社区党组织牵头协调解决。`, PRIVATE_PROGRESS)
}

/** Send one escalation step and record it; returns the stored ticket. */
export async function carryOut (desk: Desk, ticket: Ticket, step: EscalationStep, now: Date): Promise<Ticket> {
  // From the stored value: sending earlier letters took awaits, a body may have acted meanwhile.
  const next = recordEscalation(desk.store.current(ticket.no) ?? ticket, step, now)
  desk.store.save(next) // recorded before sending: a crash must not send the letter twice
  const letter = letterFor(desk, next, step)
  await desk.toBodies(letter.bodies, letter.text, next)
  if (step.agenda && !ticket.escalation.agenda) await tellAgenda(desk, next)
  return next
}

/**
 * The clock's work: overdue letters, the agenda, ratings not given in time. Every ticket is
 * read and its letters recorded without an await in between, so a /办结 arriving meanwhile is
 * never overwritten by a stale copy, and a closed ticket gets no letter. Then each recipient
 * gets one message for the tick: the letter, or a digest of all of them.
 */
export async function escalateTickets (desk: Desk, now: Date): Promise<void> {
  const letters: Letter[] = []
  const agenda: Ticket[] = []
  for (const ticket of desk.store.openTickets()) {
    const stored = desk.store.current(ticket.no) ?? ticket
    let current = stored
    for (const step of checkEscalation(current, now)) {
      const next = recordEscalation(current, step, now)
      letters.push(letterFor(desk, next, step))
      if (step.agenda && !current.escalation.agenda) agenda.push(next)
      current = next
    }
    if (current !== stored) desk.store.save(current)
  }
  for (const waiting of desk.store.awaitingRating()) {
    const expired = expireRating(desk.store.current(waiting.no) ?? waiting, now, desk.config.rating_wait_days)
    if (expired) desk.store.save(expired)
  }
  await sendDigests(desk, letters)
  for (const t of agenda) await tellAgenda(desk, t)
}

async function sendDigests (desk: Desk, letters: Letter[]): Promise<void> {
  const byTarget = new Map<string, { send: (text: string) => Promise<void>, texts: string[] }>()
  const lookup = rememberLookups(desk.app.directory)
  for (const letter of letters) {
    for (const d of await desk.deliveries(letter.bodies, letter.ticket, lookup)) {
      const entry = byTarget.get(d.key) ?? { send: d.send, texts: [] }
      entry.texts.push(d.note + letter.text)
      byTarget.set(d.key, entry)
    }
  }
  for (const { send, texts } of byTarget.values()) {
    await send(texts.length === 1 ? texts[0]! : [`【督办汇总】本次共 ${texts.length} 件工单需要处理：`, ...texts.map((t, i) => `${i + 1}. ${t}`)].join('\n\n'))
  }
}
