import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { classifyComplaint, explainComplaint } from '../../src/complaints/classify-complaint.js'
import { extractLocation } from '../../src/complaints/extract-location.js'
import { loadComplaintSkills } from '../../src/complaints/load-complaint-skills.js'

interface Labelled { text: string, category: string, lead: string, urgent?: boolean, location?: string, trad?: boolean }
interface FixtureFile { complaints: Labelled[], non_complaints: string[] }

const read = (name: string): FixtureFile => parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as FixtureFile
const main = read('complaints.yaml')
const holdouts = [read('complaints-holdout.yaml'), read('complaints-holdout-2.yaml'), read('complaints-holdout-3.yaml'), read('complaints-holdout-4.yaml')]
const skills = loadComplaintSkills()

function leadAccuracy (items: Labelled[], label: string): number {
  const misses = items.filter(c => classifyComplaint(c.text).bodies[0] !== c.lead)
  for (const m of misses) {
    const got = classifyComplaint(m.text)
    console.log(`[${label}] miss: ${m.text} — want ${m.category}/${m.lead}, got ${got.category ?? '非投诉'}/${got.bodies[0] ?? '-'}`)
  }
  const accuracy = 1 - misses.length / items.length
  console.log(`[${label}] lead-body accuracy ${(accuracy * 100).toFixed(1)}% (${items.length - misses.length}/${items.length})`)
  return accuracy
}

describe('the labelled fixtures', () => {
  it('are enough, varied, and not the classifier\'s own examples', () => {
    expect(main.complaints.length).toBeGreaterThanOrEqual(160)
    expect(main.non_complaints.length).toBeGreaterThanOrEqual(20)
    expect(main.complaints.filter(c => c.trad).length).toBeGreaterThanOrEqual(20)
    const examples = new Set(Object.values(skills.examples.examples).flat())
    const all = [main, ...holdouts].flatMap(f => [...f.complaints.map(c => c.text), ...f.non_complaints])
    expect(all.filter(t => examples.has(t))).toEqual([])
  })

  it('cover every category of categories.yaml, each labelled with that category\'s possible leads', () => {
    const categories = skills.categories.categories
    const covered = new Set(main.complaints.map(c => c.category))
    expect(categories.map(c => c.id).filter(id => !covered.has(id))).toEqual([])
    for (const c of main.complaints) {
      const config = categories.find(k => k.id === c.category)!
      const leads = [config.bodies[0], ...config.variants.map(v => v.bodies[0])]
      expect(leads, c.text).toContain(c.lead)
    }
  })
})

describe('classifyComplaint', () => {
  it('routes at least 90% of the labelled complaints to the right lead body', () => {
    expect(leadAccuracy(main.complaints, 'fixtures')).toBeGreaterThanOrEqual(0.9)
  })

  it('routes at least 85% of the hold-out complaints (never tuned on) to the right lead body', () => {
    expect(leadAccuracy(holdouts.flatMap(h => h.complaints), 'hold-out')).toBeGreaterThanOrEqual(0.85)
  })

  it('recognises every labelled complaint as a complaint, Traditional included', () => {
    const missed = main.complaints.filter(c => !classifyComplaint(c.text).isComplaint).map(c => c.text)
    expect(missed).toEqual([])
  })

  it('rejects questions about procedures, greetings and thanks', () => {
    const wrong = [main, ...holdouts].flatMap(f => f.non_complaints).filter(t => classifyComplaint(t).isComplaint)
    expect(wrong).toEqual([])
    for (const t of ['物业经理是谁', '小区的充电桩在哪里？', '开发商是哪家', '业委会这周六开会吗']) expect(classifyComplaint(t).isComplaint, t).toBe(false)
    expect(classifyComplaint('我的电动车在车棚被偷了，到底在哪').isComplaint).toBe(true)
    expect(classifyComplaint('维修资金怎么申请')).toEqual({ isComplaint: false, evidence: null, category: null, bodies: [], urgent: false, confidence: 0.9 })
  })

  it('marks urgent exactly the complaints labelled urgent', () => {
    const all = [main, ...holdouts].flatMap(f => f.complaints)
    const wrong = all.filter(c => classifyComplaint(c.text).urgent !== (c.urgent ?? false)).map(c => c.text)
    expect(wrong).toEqual([])
  })

  it('takes every way of saying someone is trapped for an emergency', () => {
    for (const t of ['電梯裡困住人了，12號樓，快來', '电梯卡住了，里面有人', '我妈被关在电梯里了', '3号楼电梯关住了一个老人']) {
      expect(classifyComplaint(t).urgent, t).toBe(true)
    }
    expect(classifyComplaint('电梯卡住了').urgent).toBe(false)
    expect(classifyComplaint('电梯里面有个广告屏坏了').urgent).toBe(false)
  })

  it('does not take fees, drills or hypotheticals for emergencies', () => {
    expect(classifyComplaint('燃气费又涨了，凭什么').urgent).toBe(false)
    expect(classifyComplaint('投诉：消防演练的时候冒烟弹太呛了').urgent).toBe(false)
    expect(classifyComplaint('楼道堆满杂物，万一着火人都跑不出去').urgent).toBe(false)
    expect(classifyComplaint('楼道堆满杂物，已经着火了').urgent).toBe(true)
  })

  it('tells glass smashed by someone from glass falling on people', () => {
    expect(classifyComplaint('车窗玻璃被人砸了').urgent).toBe(false)
    expect(classifyComplaint('车窗玻璃被人砸了').bodies[0]).toBe('police')
    expect(classifyComplaint('楼上阳台的玻璃掉下来砸到车了').urgent).toBe(true)
  })

  it('takes idle staff of one body for poor service, not for bodies passing a matter on', () => {
    expect(classifyComplaint('物业的人谁都不管事').bodies[0]).toBe('committee')
    expect(classifyComplaint('物业说找居委会，居委会说找街道，谁都不管').bodies[0]).toBe('joint')
  })

  it('returns the contract shape with the lead first and the informed bodies after', () => {
    const r = classifyComplaint('楼上卫生间漏水渗到我家天花板')
    expect(r).toMatchObject({ isComplaint: true, category: 'water_leak', bodies: ['property', 'residents'], urgent: false })
    expect(r.confidence).toBeGreaterThan(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
    expect(classifyComplaint('楼下烧烤店油烟太大').bodies).toEqual(['urban'])
    expect(classifyComplaint('楼下那户炒菜油烟太大').bodies).toEqual(['residents'])
    expect(classifyComplaint('邻居装修砸了承重墙').bodies).toEqual(['property', 'urban'])
  })

  it('treats text starting with 投诉 or 报修 as a complaint even when nothing matches', () => {
    expect(classifyComplaint('投诉：这个月的社区报纸没收到')).toMatchObject({ isComplaint: true, category: 'other', bodies: ['committee'] })
    // examples sharing only 楼 or 这个月 do not decide the category (it went to the elevator)
    expect(classifyComplaint('投诉：社区报纸这个月又没发到我们楼')).toMatchObject({ category: 'other', bodies: ['committee'] })
  })

  it('says why a text is a complaint, so a bare topic word can be told from a problem', () => {
    expect(explainComplaint('5号楼电梯坏了').evidence).toBe('problem')
    expect([null, 'topic', 'similar']).toContain(explainComplaint('业委会办公室').evidence)
    expect(explainComplaint('投诉 社区报纸').evidence).toBe('stated')
    expect(explainComplaint('大家早上好').evidence).toBeNull()
  })

  it('remembers the last two texts it was asked about (the decision may ask about a clause in between)', () => {
    const whole = explainComplaint('停车位收的钱去哪了，从来没公示过')
    const clause = explainComplaint('从来没公示过')
    expect(explainComplaint('停车位收的钱去哪了，从来没公示过')).toBe(whole)
    expect(explainComplaint('从来没公示过')).toBe(clause)
    explainComplaint('5号楼电梯坏了')
    expect(explainComplaint('停车位收的钱去哪了，从来没公示过')).not.toBe(whole)
    expect(explainComplaint('停车位收的钱去哪了，从来没公示过')).toEqual(whole)
  })

  it('copes with empty and very long input', () => {
    expect(classifyComplaint('').isComplaint).toBe(false)
    expect(classifyComplaint('电梯坏了'.repeat(5000)).category).toBe('elevator')
  })
})

describe('location in the fixtures', () => {
  it('finds the labelled location of every complaint that has one', () => {
    const labelled = main.complaints.filter(c => c.location)
    expect(labelled.length).toBeGreaterThanOrEqual(15)
    const wrong = labelled.filter(c => !(extractLocation(c.text)?.text.startsWith(c.location!) ?? false))
      .map(c => `${c.text} → ${extractLocation(c.text)?.text ?? '无'}（应为 ${c.location}）`)
    expect(wrong).toEqual([])
  })
})
