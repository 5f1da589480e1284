import { describe, expect, it } from 'vitest'
import { describeSource, renderSkill, renderText } from '../../src/knowledge/render-skill.js'
import type { Skill } from '../../src/knowledge/skill-schema.js'

const skill: Skill = {
  id: 'reception-day',
  title: '接待日',
  examples: [],
  bodies: ['committee'],
  sources: ['000_f5556cc7276e61f9.txt § 内部管理机制', '民法典第二百八十一条'],
  short: '接待日：{{info.reception_day}}，电话：{{ info.committee_phone }}。',
  steps: '地点：{{info.committee_office}}（000 接待制度）',
  path: 'skills/reception-day/SKILL.md'
}

describe('renderSkill', () => {
  it('fills placeholders from the info map', () => {
    const r = renderSkill(skill, { reception_day: '每月第一个星期六', committee_phone: '12345', committee_office: '会所二楼' })
    expect(r.short).toBe('接待日：每月第一个星期六，电话：12345。')
    expect(r.steps).toBe('地点：会所二楼（000 接待制度）')
  })

  it('drops the sentence of a missing or blank value instead of printing 请咨询业委会, never leaves a placeholder', () => {
    const r = renderSkill(skill, { reception_day: '  ', committee_office: '会所二楼' })
    expect(r.short).toBe('')
    expect(renderText('先问物业。物业监督电话：{{info.supervision_phone}}。再找业委会。', {})).toBe('先问物业。再找业委会。')
    expect(renderText('1. 先问物业。\n2. 监督电话：{{info.supervision_phone}}\n3. 找业委会。', {})).toBe('1. 先问物业。\n\n3. 找业委会。')
    expect(renderText('{{info.nothing}}', {})).toBe('')
    expect(renderText('施工要遵守规定的时间，本小区：{{info.renovation_hours}}；垃圾不得堆在楼道。', {})).not.toContain('请咨询业委会')
  })

  it('leaves out a bracketed aside whose value is missing, and keeps it when the value is there', () => {
    const text = '先问物业（电话 {{info.property_phone}}），再找业委会（{{info.committee_phone}}）。接待日：{{info.reception_day}}（000 接待制度）'
    expect(renderText(text, {})).toBe('先问物业，再找业委会。')
    expect(renderText(text, { property_phone: '8888', committee_phone: ' ', reception_day: '每月15日' })).toBe('先问物业（电话 8888），再找业委会。接待日：每月15日（000 接待制度）')
    expect(renderText('（{{info.a}}、{{info.b}}）', { a: '甲' })).toBe('')
  })

  it('names seed files by their title after 依据, by their short name in the steps, and keeps laws as written', () => {
    const titles = { '000_f5556cc7276e61f9.txt': { title: '虹口区《思考和建议》', short: '虹口区建议' } }
    const r = renderSkill(skill, { committee_office: '会所二楼' }, titles)
    expect(r.rules).toEqual(['民法典第二百八十一条'])
    expect(r.practices).toEqual(['虹口区《思考和建议》·内部管理机制'])
    expect(r.steps).toBe('地点：会所二楼（虹口区建议 接待制度）')
    // a seed that is a rule (the compound's own rules) is named after 依据
    const rule = renderSkill(skill, {}, { '000_f5556cc7276e61f9.txt': { title: '本小区管理规约', short: '管理规约', kind: 'rule' } })
    expect(rule.rules).toEqual(['本小区管理规约·内部管理机制', '民法典第二百八十一条'])
    expect(rule.practices).toEqual([])
    expect(describeSource('001_e3582803afb93250.txt', {})).toBe('001_e3582803afb93250.txt')
  })
})
