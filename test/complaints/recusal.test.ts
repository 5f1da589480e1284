import { describe, expect, it } from 'vitest'
import { loadComplaintSkills } from '../../src/complaints/load-complaint-skills.js'
import { findAccused, recuseBodies, withdrawingBodies, type KnownPerson } from '../../src/complaints/recusal.js'
import { makeTicket } from './make-ticket.js'

const rules = loadComplaintSkills().recusal
const people: KnownPerson[] = [
  { id: 'wxid_zhao', name: '赵主任', bodies: ['committee'] },
  { id: 'wxid_liu', name: '刘经理', bodies: ['property'] },
  { id: 'wxid_chen', name: '陈主任', bodies: ['residents'] }
]

describe('findAccused', () => {
  it.each([
    ['业委会主任赵某某私自拿公章跟物业签合同', 'committee_conduct', ['committee'], []],
    ['业委会账目有问题 维修资金被乱用', 'fund_transparency', ['committee'], []],
    ['物业刘经理态度恶劣还骂人', 'property_service', ['property'], ['wxid_liu']],
    ['赵主任收了物业的好处，账目不公开', 'fund_transparency', ['committee', 'property'], ['wxid_zhao']],
    ['陈主任偏袒业委会，从来不管', 'other', ['committee', 'residents'], ['wxid_chen']],
    // a name in a repair is the addressee, not the accused
    ['刘经理，5号楼电梯坏了', 'elevator', [], []],
    // 物业费 names the fee, not the company
    ['物业费太贵了', 'property_fee', [], []]
  ])('%s', (text, category, bodies, ids) => {
    const accused = findAccused(rules, text, category, people)
    expect(accused.bodies.sort()).toEqual([...bodies].sort())
    expect(accused.ids).toEqual(ids)
  })
})

describe('recuseBodies', () => {
  it('lets the supervisors lead when the lead is accused, and keeps every accused body out', () => {
    expect(recuseBodies(rules, ['committee', 'housing'], { bodies: ['committee'], ids: [] })).toEqual(['residents', 'party', 'housing'])
    expect(recuseBodies(rules, ['residents', 'party', 'street'], { bodies: ['committee'], ids: [] })).toEqual(['residents', 'party', 'street'])
  })
  it('keeps a lead that is not accused and informs the supervisors', () => {
    expect(recuseBodies(rules, ['committee', 'housing'], { bodies: ['property'], ids: [] })).toEqual(['committee', 'housing', 'residents'])
    expect(recuseBodies(rules, ['police', 'property'], { bodies: ['property'], ids: [] })).toEqual(['police', 'committee', 'residents'])
  })
  it('goes up a level when a supervisor is accused too, and changes nothing when nobody is', () => {
    expect(recuseBodies(rules, ['committee'], { bodies: ['committee', 'property'], ids: [] })).toEqual(['residents', 'party'])
    expect(recuseBodies(rules, ['property'], { bodies: [], ids: [] })).toEqual(['property'])
  })
})

describe('withdrawingBodies', () => {
  it('is the supervisors of the accused, or of the lead body', () => {
    expect(withdrawingBodies(rules, makeTicket())).toEqual(['committee'])
    expect(withdrawingBodies(rules, makeTicket({ bodies: ['residents', 'party'], accused: { bodies: ['committee'], ids: [] } }))).toEqual(['residents', 'party'])
    expect(withdrawingBodies(rules, makeTicket({ bodies: ['urban', 'residents'] }))).toEqual(['residents'])
  })
})
