import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SKILLS_DIR, loadComplaintSkills } from '../../src/complaints/load-complaint-skills.js'

/** A copy of skills/complaints with one file changed by `edit`. */
function brokenCopy (file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'complaint-skills-'))
  cpSync(DEFAULT_SKILLS_DIR, dir, { recursive: true })
  const target = path.join(dir, file)
  writeFileSync(target, edit(readFileSync(target, 'utf8')))
  return dir
}

describe('loadComplaintSkills', () => {
  it('loads the shipped files with every category of the domain table', () => {
    const skills = loadComplaintSkills()
    expect(skills.categories.categories.map(c => c.id)).toEqual([
      'elevator', 'facility_repair', 'water_leak', 'sanitation', 'security', 'crime', 'parking', 'fire_safety',
      'noise', 'pets', 'fumes', 'illegal_construction', 'renovation', 'property_fee', 'property_service',
      'fund_transparency', 'committee_conduct', 'developer_defect', 'multi_party', 'other'
    ])
    const lead = Object.fromEntries(skills.categories.categories.map(c => [c.id, c.bodies[0]]))
    expect(lead).toMatchObject({ crime: 'police', noise: 'residents', illegal_construction: 'urban', property_service: 'committee', committee_conduct: 'residents', developer_defect: 'housing', multi_party: 'joint', other: 'committee' })
    const priv = skills.categories.categories.filter(c => c.private).map(c => c.id)
    expect(priv).toEqual(expect.arrayContaining(['noise', 'pets', 'fumes', 'property_service', 'committee_conduct']))
  })

  it('names the file and the field of an unknown body', () => {
    const dir = brokenCopy('categories.yaml', t => t.replace('bodies: [police, property]', 'bodies: [polce, property]'))
    expect(() => loadComplaintSkills(dir)).toThrow(/categories\.yaml: 字段 categories\.5\.bodies\.0 有误：未知单位 “polce”/)
  })

  it('names the file and the field of a broken regular expression', () => {
    const dir = brokenCopy('urgent-words.yaml', t => t.replace("- '(正在|在)(打架|撬门|偷)'", "- '(正在|在(打架'"))
    expect(() => loadComplaintSkills(dir)).toThrow(/urgent-words\.yaml: 字段 patterns\.\d+ 有误：不是有效的正则表达式/)
  })

  it('names a misspelt key', () => {
    const dir = brokenCopy('intent-words.yaml', t => t.replace('complaint_signals:', 'complaint_signal:'))
    expect(() => loadComplaintSkills(dir)).toThrow(/intent-words\.yaml: 字段 .*complaint_signal/)
  })

  it('names an example label that is not a category', () => {
    const dir = brokenCopy('examples.yaml', t => t.replace('  pets:', '  petz:'))
    expect(() => loadComplaintSkills(dir)).toThrow(/examples\.yaml: 字段 examples\.petz 有误/)
  })

  it('refuses owners as members of a body in recusal.yaml (every owner would be accused)', () => {
    const dir = brokenCopy('recusal.yaml', t => t.replace('role_bodies:\n', 'role_bodies:\n  owner: committee\n'))
    expect(() => loadComplaintSkills(dir)).toThrow(/recusal\.yaml: 字段 role_bodies/)
  })

  it('reports YAML syntax errors with the file name', () => {
    const dir = brokenCopy('categories.yaml', t => t + '\n  - : : [\n')
    expect(() => loadComplaintSkills(dir)).toThrow(/categories\.yaml: YAML 格式错误/)
  })
})
