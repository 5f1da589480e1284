import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadSkills } from '../../src/knowledge/load-skills.js'
import { renderSkill } from '../../src/knowledge/render-skill.js'
import { FAQ_ID, GROUP_BRIEF_MAX, MANUAL_SOURCE, SHORT_ANSWER_MAX, parseSource } from '../../src/knowledge/skill-schema.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const skillsDir = path.join(root, 'skills')
// Whether the seed files exist and contain each figure is `npm run audit:sources`: the seed
// texts live outside the repository (../shared/seeds), and a clone must pass `npm test`.

const REQUIRED = ['maintenance-fund-use', 'fund-disclosure', 'public-income', 'committee-election',
  'committee-duties', 'owners-assembly', 'property-management-committee', 'property-company-selection',
  'property-service-scope', 'property-fees', 'ten-disclosures', 'complaint-process', 'joint-meeting',
  'neighbor-mediation', 'illegal-construction', 'renovation-rules', 'reception-day', 'opinion-survey',
  'committee-supervision', 'party-leadership', 'bot-help', 'bot-rating', 'bot-ticket', 'bot-questions', FAQ_ID]

const { skills, problems } = await loadSkills(skillsDir)
const procedures = skills.filter(s => s.id !== FAQ_ID && !s.id.startsWith('faq-'))

describe('the repository skills', () => {
  it('all load, with no problem reported', () => {
    expect(problems).toEqual([])
  })

  it('include every required id', () => {
    const ids = new Set(skills.map(s => s.id))
    expect(REQUIRED.filter(id => !ids.has(id))).toEqual([])
  })

  it('live in a folder named after their id', () => {
    for (const s of procedures) expect(path.basename(path.dirname(s.path))).toBe(s.id)
  })

  // Varied wording is what finds the right skill for fresh questions; the cap keeps one
  // skill from crowding out the others by sheer number of examples.
  it('have 6 to 25 owner-phrased examples each', () => {
    for (const s of procedures) expect(s.examples.length, s.id).toBeGreaterThanOrEqual(6)
    for (const s of procedures) expect(s.examples.length, s.id).toBeLessThanOrEqual(25)
  })

  it('name a seed file or a national rule for every source', () => {
    for (const s of procedures) {
      for (const source of s.sources) expect(parseSource(source)?.kind, `${s.id}: ${source}`).toMatch(/^(seed|law|manual)$/)
    }
  })

  it('cite each seed file they name in their text, so every fact has its source at hand', () => {
    for (const s of procedures) {
      const seeds = s.sources.map(parseSource).flatMap(r => r?.kind === 'seed' ? [r.file.slice(0, 3)] : [])
      for (const prefix of seeds) expect(`${s.short}\n${s.steps}`, `${s.id} cites ${prefix}`).toMatch(new RegExp(`[（、]${prefix}[ ）、]`))
    }
  })

  it('keep the short answer within 300 characters, also once filled in', () => {
    const info = Object.fromEntries(['reception_day', 'committee_office', 'committee_phone', 'property_phone',
      'supervision_phone', 'residents_phone', 'property_fee_standard', 'disclosure_board', 'renovation_hours']
      .map(k => [k, '每月第一个星期六上午 9:00—11:00']))
    for (const s of skills) {
      expect([...s.short].length, s.id).toBeLessThanOrEqual(SHORT_ANSWER_MAX)
      expect([...renderSkill(s, info).short].length, s.id).toBeLessThanOrEqual(SHORT_ANSWER_MAX)
    }
  })

  it('have a group answer of at most two short lines, also once filled in', () => {
    for (const s of procedures) {
      expect(s.brief, s.id).toBeDefined()
      expect([...renderSkill(s, {}).brief].length, s.id).toBeLessThanOrEqual(GROUP_BRIEF_MAX)
    }
  })

  it('use only the placeholders skills/README.md documents', () => {
    const readme = readFileSync(path.join(skillsDir, 'README.md'), 'utf8')
    for (const s of skills) {
      for (const [placeholder] of `${s.short}${s.steps}`.matchAll(/\{\{info\.[a-z_]+\}\}/g)) {
        expect(readme, `${s.id} uses ${placeholder}`).toContain(placeholder)
      }
    }
  })
})
