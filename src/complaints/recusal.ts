import type { RecusalFile } from './skill-schemas.js'
import type { Ticket } from './ticket.js'

// Recusal as data (skills/complaints/recusal.yaml): what a complaint accuses, and who leads
// it instead. Pure functions; the desk supplies the people (roles by contact id).

/** Who a complaint is about: the bodies, and the people named in it (contact ids). */
export interface Accused { bodies: string[], ids: string[] }

/** Someone with a role, as the role book knows them. */
export interface KnownPerson { id: string, name: string, bodies: string[] }

const compiled = new WeakMap<object, Map<string, RegExp>>()
function regex (rules: RecusalFile, source: string): RegExp {
  let cache = compiled.get(rules)
  if (!cache) compiled.set(rules, cache = new Map())
  let re = cache.get(source)
  if (!re) cache.set(source, re = new RegExp(source, 'u'))
  return re
}

/** The bodies and people a complaint of `category` accuses (Simplified text). */
export function findAccused (rules: RecusalFile, text: string, category: string, people: KnownPerson[]): Accused {
  const bodies = new Set<string>()
  const ids = new Set<string>()
  const fixed = rules.accuses[category]
  if (fixed) bodies.add(fixed)
  for (const body of rules.accusing.body[category] ?? []) {
    const words = rules.body_words[body]
    if (words && regex(rules, words).test(text)) bodies.add(body)
  }
  if (rules.accusing.person.includes(category)) {
    for (const p of people) {
      if ([...p.name].length < 2 || !text.includes(p.name)) continue
      ids.add(p.id)
      for (const b of p.bodies) bodies.add(b)
    }
    for (const [body, words] of Object.entries(rules.person_words)) if (regex(rules, words).test(text)) bodies.add(body)
  }
  return { bodies: [...bodies], ids: [...ids] }
}

const supervisorsOf = (rules: RecusalFile, bodies: string[]): string[] => bodies.flatMap(b => rules.supervision[b]?.supervisors ?? [])

/**
 * The bodies of a ticket once the accused step aside (lead first): when the lead is accused
 * its supervisors lead; the supervisors and those to inform are added; no accused body stays.
 */
export function recuseBodies (rules: RecusalFile, bodies: string[], accused: Accused): string[] {
  if (accused.bodies.length === 0) return bodies
  const out = new Set(accused.bodies)
  const informed = accused.bodies.flatMap(b => rules.supervision[b]?.informed ?? [])
  const supervisors = supervisorsOf(rules, accused.bodies)
  const order = out.has(bodies[0] ?? '') ? [...supervisors, ...bodies, ...informed] : [...bodies, ...supervisors, ...informed]
  const kept = [...new Set(order)].filter(b => !out.has(b))
  return kept.length > 0 ? kept : ['street']
}

export const accusedOf = (ticket: Ticket): Accused => ticket.accused ?? { bodies: [], ids: [] }

/** Whether a ticket accuses any body or person. */
export const accusesAnyone = (ticket: Ticket): boolean =>
  (ticket.accused?.bodies.length ?? 0) > 0 || (ticket.accused?.ids.length ?? 0) > 0

/** The body that relays and acts for one without members in the bot (a government department). */
export function relayOf (rules: RecusalFile, body: string, accused: string[] = []): string | undefined {
  return (rules.relay[body] ?? []).find(b => !accused.includes(b))
}

/** The body whose members act for `body` on this ticket (itself, or its relay). */
export function actingBody (rules: RecusalFile, body: string, accused: string[] = []): string | undefined {
  return body in rules.acting_roles ? body : relayOf(rules, body, accused)
}

/**
 * Who may withdraw (撤销) a ticket besides its complainant: the supervisors of the accused,
 * or, when nobody is accused, the supervisors of the lead body (or the body relaying it).
 */
export function withdrawingBodies (rules: RecusalFile, ticket: Ticket): string[] {
  const accused = accusedOf(ticket).bodies
  const candidates = accused.length > 0
    ? supervisorsOf(rules, accused)
    : rules.supervision[ticket.leadBody]?.supervisors ?? [relayOf(rules, ticket.leadBody) ?? 'committee']
  return [...new Set(candidates)].filter(b => !accused.includes(b))
}

/** 提示函/警示函 go to the four parties; any other lead is reached through its relay. */
export const takesLetters = (rules: RecusalFile, body: string): boolean => rules.letter_bodies.includes(body)
