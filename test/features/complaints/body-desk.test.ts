import { describe, expect, it } from 'vitest'
import type { App } from '../../../src/app/types.js'
import { loadComplaintSkills } from '../../../src/complaints/load-complaint-skills.js'
import { emptyRoles, createRoleBook, type RoleData } from '../../../src/roles/role-book.js'
import type { Store } from '../../../src/storage/storage.js'
import { accusedPeople, isAccused } from '../../../src/features/complaints/body-desk.js'
import { makeTicket } from '../../complaints/make-ticket.js'

const rules = loadComplaintSkills().recusal

function appWithRoles (): App {
  const data: RoleData = emptyRoles()
  const store = { data, update: (fn: (d: RoleData) => void) => fn(data) } as unknown as Store<RoleData>
  const roles = createRoleBook(store, [
    { id: 'wxid_zhao', name: '赵主任', roles: ['chair'] },
    { id: 'wxid_qian', name: '钱委员', roles: ['committee', 'treasurer'] },
    { id: 'wxid_liu', name: '刘经理', roles: ['property'] },
    { id: 'wxid_chen', name: '陈主任', roles: ['residents'] },
    { id: 'wxid_sun', name: '孙书记', roles: ['party'] },
    { id: 'wxid_zhang', name: '张阿姨', roles: [] }
  ])
  roles.grant('wxid_li', 'property', '李先生') // granted in the chat, not in the roster
  roles.revoke('wxid_chen', 'residents') // a roster role taken back
  return { roles } as unknown as App
}

describe('isAccused', () => {
  it('says of each person what accusedPeople says', () => {
    const app = appWithRoles()
    const everyone = ['wxid_zhao', 'wxid_qian', 'wxid_liu', 'wxid_li', 'wxid_chen', 'wxid_sun', 'wxid_zhang', 'wxid_stranger']
    const tickets = [
      makeTicket(),
      makeTicket({ accused: { bodies: ['committee'], ids: [] } }),
      makeTicket({ accused: { bodies: ['property'], ids: ['wxid_zhang'] } }),
      makeTicket({ accused: { bodies: ['residents', 'party'], ids: [] } }),
      { ...makeTicket(), accused: { bodies: [], ids: ['wxid_stranger'] } }
    ]
    for (const ticket of tickets) {
      const barred = accusedPeople(app, rules, ticket)
      expect(everyone.filter(id => isAccused(app, rules, id, ticket))).toEqual(everyone.filter(id => barred.has(id)))
    }
    expect(isAccused(app, rules, 'wxid_zhao', tickets[1]!)).toBe(true) // the chair is in the committee
    expect(isAccused(app, rules, 'wxid_li', tickets[2]!)).toBe(true)
    expect(isAccused(app, rules, 'wxid_chen', tickets[3]!)).toBe(false) // no longer on the residents' committee
  })
})
