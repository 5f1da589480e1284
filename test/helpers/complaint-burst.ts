import { types } from 'wechaty-puppet'
import { deskOf } from '../../src/features/complaints/desk.js'
import type { MockWorld } from '../../src/sandbox/mock-world.js'
import { ROOMS } from '../../src/sandbox/demo-world.js'
import type { Harness } from './sandbox-harness.js'

export interface BurstResult { stored: number, distinct_numbers: number, cards: number }

const OWNERS_ROOM = ROOMS[0]!.id
const PER_PERSON = 4 // under the hourly limit of 5

/**
 * `count` complaints handed to the bot at once, as Wechaty does: every message is emitted
 * before the first is handled. Each is about a different building, so none is a duplicate
 * of another; owners are extra contacts, so nobody reaches the hourly limit.
 */
export async function burstComplaints (h: Harness, count: number): Promise<BurstResult> {
  const mocker = h.session.runtime.mocker!
  const world = (h.session as unknown as { world: MockWorld }).world
  const people = Array.from({ length: Math.ceil(count / PER_PERSON) }, (_, i) => `wxid_burst_${i}`)
  for (const id of people) mocker.createContact({ id, name: `业主${id.slice(-3)}`, friend: true, type: types.Contact.Individual })
  const before = h.sent.length
  const ids = Array.from({ length: count }, (_, i) =>
    world.say(people[i % people.length]!, { roomId: OWNERS_ROOM }, `投诉 ${i + 1}号楼大堂灯坏了`).id)
  await Promise.all(ids.map(async id => await h.session.runtime.handled(id)))
  await h.session.settle()
  const sent = h.sent.slice(before)
  const desk = await deskOf(h.session.runtime.app)
  const confirmed = sent.map(m => /已登记 #(\d+)/.exec(m.text)?.[1]).filter(n => n !== undefined)
  return {
    stored: desk.store.size,
    distinct_numbers: new Set(confirmed).size,
    cards: sent.filter(m => /^【(新工单|紧急工单) #\d+】/.test(m.text)).length
  }
}
