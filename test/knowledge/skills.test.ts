import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadSkills } from '../../src/knowledge/load-skills.js'
import { renderSkill } from '../../src/knowledge/render-skill.js'
import { FAQ_ID, GROUP_BRIEF_MAX, MANUAL_SOURCE, SHORT_ANSWER_MAX, parseSource } from '../../src/knowledge/skill-schema.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const skillsDir = path.join(root, 'skills')
const seedsDir = path.join(root, '..', 'shared', 'seeds')

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

  it('name an existing seed file or a national rule for every source', () => {
    for (const s of procedures) {
      for (const source of s.sources) {
        const ref = parseSource(source)
        expect(ref?.kind, `${s.id}: ${source}`).toMatch(/^(seed|law|manual)$/)
        if (ref?.kind === 'seed') expect(existsSync(path.join(seedsDir, ref.file)), `${s.id}: ${ref.file}`).toBe(true)
      }
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

  it('state only figures their sources contain', () => {
    const seedText = (file: string): string => readFileSync(path.join(seedsDir, file), 'utf8')
    for (const s of procedures) {
      const refs = s.sources.map(parseSource)
      const cited = refs.flatMap(r => r?.kind === 'seed' ? [seedText(r.file)] : r?.kind === 'law' || r?.kind === 'manual' ? [LAW_FIGURES[r.text] ?? ''] : [])
      for (const figure of figures(`${s.short}\n${s.brief ?? ''}\n${s.steps}`)) {
        expect(cited.some(t => mentions(t, figure)), `${s.id}: ${figure}`).toBe(true)
      }
    }
  })
})

// Figures of the national rules the skills cite (the laws are not in the repository;
// domain.md states those of articles 278 and the 指导规则).
const LAW_FIGURES: Record<string, string> = {
  民法典第二百七十八条: '三分之二 四分之三',
  民法典第九百四十六条: '60',
  业主大会和业主委员会指导规则: '15 20% 5 11',
  // what the bot does (its commands and examples of them)
  [MANUAL_SOURCE]: '1 2 3 4 5 27'
}

/** "7" is in a text that says 7 or 七 as a number of its own (not inside 2017). */
function mentions (text: string, figure: string): boolean {
  if (!/^\d+%?$/.test(figure)) return text.includes(figure)
  const n = Number(figure.replace('%', ''))
  const arabic = new RegExp(`(?<![\\d.])${n}(?![\\d.])${figure.endsWith('%') ? '%' : ''}`)
  return arabic.test(text) || (!figure.endsWith('%') && n < 100 && text.includes(chinese(n)))
}

function chinese (n: number): string {
  const d = '零一二三四五六七八九'
  if (n < 10) return d[n] ?? ''
  const tens = Math.floor(n / 10)
  return `${tens > 1 ? d[tens] : ''}十${n % 10 > 0 ? d[n % 10] : ''}`
}

/** Arabic figures and Chinese fractions, leaving out step numbers, question numbers (Q12) and source markers. */
function figures (text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]+\}\}/g, '')
    .replace(/(^|\s|；)\d+[.)、]\s/gm, '$1')
    .replace(/Q\d+/g, '')
    .replace(/(?<=[（、])\d{3}(?=[ ）、])/g, '') // source markers (000)
  return [...plain.matchAll(/\d+%?|[一二三四五六七八九十]分之[一二三四五六七八九十]/g)].map(m => m[0])
}
