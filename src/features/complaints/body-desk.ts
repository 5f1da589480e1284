import type { App, Role } from '../../app/types.js'
import type { ComplaintSkills } from '../../complaints/load-complaint-skills.js'

// Who acts for each body, as data. Government departments have no members in the bot:
// the residents' committee, which "依法协助政府有关部门开展工作" (seed 003), relays their
// tickets; the joint meeting is convened by the party organization (003).

export const ACTING_ROLE: Record<string, Role> = {
  property: 'property',
  committee: 'committee',
  residents: 'residents',
  party: 'party',
  joint: 'party',
  urban: 'residents',
  housing: 'residents',
  police: 'residents',
  street: 'residents'
}

/** Where a body's card goes when the body has no WeChat target of its own. */
export const RELAY_BODY: Record<string, string> = { urban: 'residents', housing: 'residents', police: 'residents', street: 'residents' }

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

/** Members of the body that leads a ticket, and the chair, may act on it. */
export function mayActFor (app: App, contactId: string, body: string): boolean {
  const role = ACTING_ROLE[body] ?? 'committee'
  return app.roles.has(contactId, role) || app.roles.has(contactId, 'chair')
}

/** Anyone who works for a body (sees ticket lists and the agenda). */
export const STAFF_ROLES: Role[] = ['property', 'committee', 'residents', 'party']
export const isStaff = (app: App, contactId: string): boolean =>
  STAFF_ROLES.some(r => app.roles.has(contactId, r)) || app.roles.has(contactId, 'chair')
