import { describe, expect, it } from 'vitest'
import type { App } from '../../../src/app/types.js'
import { loadComplaintSkills } from '../../../src/complaints/load-complaint-skills.js'
import { deliveriesFor, rememberLookups, type TargetLookup } from '../../../src/features/complaints/ticket-targets.js'

const rules = loadComplaintSkills().recusal

/** A directory where every body has the same group, counting the questions asked. */
function countingDirectory (): TargetLookup & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    bodyTarget: async body => { asked.push(`target:${body}`); return { kind: 'room' as const, roomId: 'room_joint' } },
    roomMembers: async roomId => { asked.push(`members:${roomId}`); return ['wxid_liu', 'wxid_zhao'] }
  }
}

describe('rememberLookups', () => {
  it('asks the directory once per body and per group for a whole pass, with the same answers', async () => {
    const directory = countingDirectory()
    const lookup = rememberLookups(directory)
    const app = { roles: { membersOf: () => ['wxid_qian'] }, outbox: {} } as unknown as App
    const names = { body: (id: string) => id, category: (id: string) => id }
    const context = { app, rules, names, barred: new Set(['wxid_liu']), accused: ['property'] }
    const remembered = []
    for (let letter = 0; letter < 5; letter++) remembered.push(await deliveriesFor({ ...context, lookup }, 'committee'))
    expect(directory.asked).toEqual(['target:committee', 'members:room_joint'])
    const fresh = await deliveriesFor({ ...context, lookup: countingDirectory() }, 'committee')
    for (const list of remembered) expect(list.map(d => [d.key, d.note])).toEqual(fresh.map(d => [d.key, d.note]))
    expect(fresh.map(d => d.key)).toEqual(['contact:wxid_qian']) // 刘经理 sits in the group: privately instead
  })
})
