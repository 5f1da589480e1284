import type { App, Role } from '../../app/types.js'
import type { ComplaintSkills } from '../../complaints/load-complaint-skills.js'
import { accusedOf, actingBody, type KnownPerson } from '../../complaints/recusal.js'
import type { RecusalFile } from '../../complaints/skill-schemas.js'
import type { Ticket } from '../../complaints/ticket.js'

// Who acts for each body is data (skills/complaints/recusal.yaml: acting_roles, relay,
// role_bodies); this file asks the role book about people, by contact id.

/** Short names people type in /转办 (ids and configured names work too). */
const ALIASES: Record<string, string> = {
  物业: 'property', 物业公司: 'property', 物业服务中心: 'property',
  业委会: 'committee', 业主委员会: 'committee', 物管会: 'committee',
  居委会: 'residents', 社区居委会: 'residents', 居委: 'residents',
  党组织: 'party', 党委: 'party', 党支部: 'party', 社区党委: 'party',
  联席会议: 'joint', 四位一体: 'joint',
  城管: 'urban', 综合执法: 'urban', 执法队: 'urban',
  房管: 'housing', 房管局: 'housing', 住建: 'housing', 房管部门: 'housing',
  派出所: 'police', 警察: 'police', 民警: 'police', 公安: 'police',
  街道: 'street', 街道办: 'street', 街道办事处: 'street'
}

export function bodyName (app: App, skills: ComplaintSkills, body: string): string {
  return app.compound.bodies[body as keyof typeof app.compound.bodies]?.name ?? skills.categories.bodies[body] ?? body
}

export function parseBody (app: App, skills: ComplaintSkills, word: string): string | undefined {
  const w = word.trim().toLowerCase()
  if (w in skills.categories.bodies) return w
  if (ALIASES[w]) return ALIASES[w]
  return Object.keys(skills.categories.bodies).find(id => bodyName(app, skills, id) === word.trim())
}

/** The bodies a person belongs to, from the roles they really hold (the chair is in the committee). */
function bodiesOf (app: App, rules: RecusalFile, contactId: string): string[] {
  const roles = app.roles.rolesOf(contactId)
  return [...new Set(Object.entries(rules.role_bodies).filter(([role]) => roles.has(role as Role)).map(([, body]) => body))]
}

/** The body a role's holders belong to (recusal.yaml role_bodies; owners belong to none). */
const bodyOfRole = (rules: RecusalFile, role: Role): string | undefined => role === 'owner' ? undefined : rules.role_bodies[role]

/** Everyone with a role that puts them in a body, with their name (for finding them in a complaint). */
export function knownPeople (app: App, rules: RecusalFile): KnownPerson[] {
  const ids = new Set(Object.keys(rules.role_bodies).flatMap(role => app.roles.membersOf(role as Role)))
  return [...ids].map(id => ({ id, name: app.roles.nameOf(id) ?? '', bodies: bodiesOf(app, rules, id) })).filter(p => p.name !== '')
}

/** The people a ticket accuses: those it names, and every member of an accused body (the chair too). */
export function accusedPeople (app: App, rules: RecusalFile, ticket: Ticket): Set<string> {
  const accused = accusedOf(ticket)
  const barred = new Set(accused.ids)
  if (accused.bodies.length === 0) return barred
  for (const [role, body] of Object.entries(rules.role_bodies)) {
    if (accused.bodies.includes(body)) for (const id of app.roles.membersOf(role as Role)) barred.add(id)
  }
  return barred
}

/**
 * Whether one person is among accusedPeople: named, or in an accused body. Asked of the person's
 * own roles, so a list of many tickets does not gather every member of a body for each one.
 */
export function isAccused (app: App, rules: RecusalFile, contactId: string, ticket: Ticket): boolean {
  const accused = accusedOf(ticket)
  if (accused.ids.includes(contactId)) return true
  return accused.bodies.length > 0 && bodiesOf(app, rules, contactId).some(b => accused.bodies.includes(b))
}

/** The role whose members act for `body` (itself or, for a government department, its relay). */
export function actingRole (rules: RecusalFile, body: string, accused: string[] = []): Role {
  const acting = actingBody(rules, body, accused)
  return (acting ? rules.acting_roles[acting] : undefined) ?? 'committee'
}

/**
 * Members of the body that leads a ticket, and the chair, may act on it — never someone the
 * ticket accuses (the chair included when the committee is accused).
 */
export function mayActFor (app: App, rules: RecusalFile, contactId: string, body: string, ticket: Ticket): boolean {
  if (isAccused(app, rules, contactId, ticket)) return false
  const role = actingRole(rules, body, accusedOf(ticket).bodies)
  return app.roles.has(contactId, role) || app.roles.has(contactId, 'chair')
}

/** A ticket is a body's own when the body leads it, is informed of it, or relays it; the party also holds the agenda. */
export function ownsTicket (app: App, rules: RecusalFile, contactId: string, ticket: Ticket): boolean {
  if (isAccused(app, rules, contactId, ticket)) return false
  const mine = bodiesOf(app, rules, contactId)
  const accused = accusedOf(ticket).bodies
  // by the body whose members act: the joint meeting's tickets are the party organization's
  const involved = [ticket.leadBody, ...ticket.informedBodies].map(b => bodyOfRole(rules, actingRole(rules, b, accused)) ?? b)
  return involved.some(b => mine.includes(b)) || (ticket.escalation.agenda && mine.includes('party'))
}

/** Anyone who works for a body (sees ticket lists and the agenda). */
export const STAFF_ROLES: Role[] = ['property', 'committee', 'residents', 'party']
export const isStaff = (app: App, contactId: string): boolean =>
  STAFF_ROLES.some(r => app.roles.has(contactId, r)) || app.roles.has(contactId, 'chair')
