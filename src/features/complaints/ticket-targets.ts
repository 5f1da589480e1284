import type { App, Directory } from '../../app/types.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import { relayOf } from '../../complaints/recusal.js'
import type { RecusalFile } from '../../complaints/skill-schemas.js'
import { actingRole } from './body-desk.js'
import type { Names } from './format-ticket.js'

/** One WeChat target a message goes to; `note` goes before the text (a relay's "please pass on"). */
export interface Delivery { key: string, note: string, send: (text: string) => Promise<void> }

/** The directory questions a delivery asks. */
export type TargetLookup = Pick<Directory, 'bodyTarget' | 'roomMembers'>

/**
 * The directory's answers kept for one pass (a tick's letters, one ticket's cards): each
 * body's target and each group's members are looked up once, not once per letter.
 */
export function rememberLookups (directory: TargetLookup): TargetLookup {
  return { bodyTarget: once(async b => await directory.bodyTarget(b)), roomMembers: once(async r => await directory.roomMembers(r)) }
}

function once<T> (lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>()
  return async key => {
    let answer = seen.get(key)
    if (answer === undefined) seen.set(key, answer = lookup(key))
    return await answer
  }
}

export interface TargetContext {
  app: App
  /** app.directory, or its answers remembered for a pass (rememberLookups) */
  lookup: TargetLookup
  rules: RecusalFile
  names: Names
  /** people the ticket accuses: no card may reach them */
  barred: ReadonlySet<string>
  /** bodies the ticket accuses: they neither relay nor stand in */
  accused: string[]
}

/**
 * Where a body's card goes: its own target; for a body without one (a government department)
 * its relay, else the committee. When an accused person would read it (they sit in the group,
 * or they are the contact), it goes privately to the body's other members instead, and failing
 * them to the body's supervisors.
 */
export async function deliveriesFor (c: TargetContext, body: string, depth = 0): Promise<Delivery[]> {
  const own = await c.lookup.bodyTarget(body)
  const via = own ? body : relayOf(c.rules, body, c.accused) ?? (c.accused.includes('committee') ? 'party' : 'committee')
  const target = own ?? await c.lookup.bodyTarget(via)
  if (!target) return []
  const note = own ? '' : `（${c.names.body(body)}未配置微信，请代为转交）\n`
  if (target.kind === 'contact') {
    if (!c.barred.has(target.contactId)) return [toContact(c.app, target.contactId, note)]
  } else {
    const readers = c.barred.size > 0 ? await c.lookup.roomMembers(target.roomId) : []
    if (!readers.some(id => c.barred.has(id))) {
      return [{ key: `room:${target.roomId}`, note, send: async text => await c.app.outbox.toRoom({ roomId: target.roomId, text: maskPhones(text) }) }]
    }
  }
  const members = c.app.roles.membersOf(actingRole(c.rules, via, c.accused)).filter(id => !c.barred.has(id))
  if (members.length > 0) return members.map(id => toContact(c.app, id, note))
  if (depth > 1) return []
  const supervisors = (c.rules.supervision[via]?.supervisors ?? ['party']).filter(b => !c.accused.includes(b))
  return (await Promise.all(supervisors.map(async b => await deliveriesFor(c, b, depth + 1)))).flat()
}

const toContact = (app: App, contactId: string, note: string): Delivery =>
  ({ key: `contact:${contactId}`, note, send: async text => await app.outbox.toContact({ contactId, text }) })
