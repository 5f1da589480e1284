import type { SourceRef, Skill } from './skill-schema.js'
import { parseSource } from './skill-schema.js'

const PLACEHOLDER = /\{\{\s*info\.([a-zA-Z0-9_]+)\s*\}\}/g
/** A full-width aside with a placeholder in it: （电话 {{info.committee_phone}}） */
const ASIDE = /（[^（）]*\{\{\s*info\.[a-zA-Z0-9_]+\s*\}\}[^（）]*）/g
/** The sentence (or clause ending in ；, or line) around a placeholder. */
const SENTENCE = /[^。！？；\n]*\{\{\s*info\.[a-zA-Z0-9_]+\s*\}\}[^。！？；\n]*[。！？；]?/g

export type InfoMap = Readonly<Record<string, string | undefined>>

/**
 * Fill `{{info.key}}` from the compound's `info:` map. A value the compound has not filled
 * in is never guessed and never shown as a blank: an aside in full-width brackets with it is
 * left out ("联系业委会（电话 {{info.committee_phone}}）" → "联系业委会"), and otherwise
 * the whole sentence (or line) that would state it ("物业监督电话：{{info.supervision_phone}}。").
 */
export function renderText (text: string, info: InfoMap): string {
  const value = (key: string): string | undefined => info[key]?.trim() || undefined
  const known = (part: string): boolean => [...part.matchAll(PLACEHOLDER)].every(m => value(m[1] ?? '') !== undefined)
  return text
    .replace(ASIDE, aside => known(aside) ? aside : '')
    .replace(SENTENCE, sentence => known(sentence) ? sentence : '')
    .replace(PLACEHOLDER, (_, key: string) => value(key) ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A seed's role: `rule` (a law, regulation or the compound's own rules) or `practice` (news, local practice). */
export type SourceKind = 'rule' | 'practice'

/** Seed file name → its title, short name (in the steps) and kind, from skills/sources.yaml. */
export type SourceTitles = Readonly<Record<string, { title: string, short: string, kind?: SourceKind }>>

export interface RenderedSkill {
  id: string
  title: string
  /** what a group reads: one or two short lines */
  brief: string
  short: string
  steps: string
  /** laws, regulations, rules: the only sources named after 依据 */
  rules: string[]
  /** news reports and local practices: 做法参考, with the steps only */
  practices: string[]
  /** a committee answer (FAQ): named after 来源 */
  answers: string[]
}

/** The skill as an owner reads it; `titles` names seed files (skills/sources.yaml). */
export function renderSkill (skill: Skill, info: InfoMap, titles: SourceTitles = {}): RenderedSkill {
  const short = renderText(skill.short, info)
  const refs = skill.sources.map(s => ({ source: s, ref: parseSource(s) }))
  const isRule = (ref: SourceRef | undefined): boolean => ref?.kind === 'law' || (ref?.kind === 'seed' && titles[ref.file]?.kind === 'rule')
  return {
    id: skill.id,
    title: skill.title,
    brief: skill.brief !== undefined ? renderText(skill.brief, info) : firstSentences(short),
    short,
    steps: nameSeeds(renderText(skill.steps, info), skill, titles),
    rules: refs.filter(r => isRule(r.ref)).map(r => describeSource(r.source, titles)),
    practices: refs.filter(r => r.ref?.kind === 'seed' && !isRule(r.ref)).map(r => describeSource(r.source, titles)),
    answers: refs.filter(r => r.ref?.kind === 'committee').map(r => r.source)
  }
}

/** Without a written group answer (a committee answer): the sentences that fit, or a cut one. */
const BRIEF_FALLBACK_MAX = 80
function firstSentences (text: string): string {
  const sentences = text.replace(/\s*\n\s*/g, '').match(/[^。！？]+[。！？]?/g) ?? []
  let out = ''
  for (const s of sentences) {
    if ([...out + s].length > BRIEF_FALLBACK_MAX) break
    out += s
  }
  if (out !== '') return out
  return `${[...text.replace(/\s*\n\s*/g, '')].slice(0, BRIEF_FALLBACK_MAX - 1).join('')}…`
}

/** Step texts mark facts with the seed's number, （000 …）: owners read its short name. */
function nameSeeds (text: string, skill: Skill, titles: SourceTitles): string {
  const byPrefix = new Map(skill.sources.map(parseSource).flatMap(r =>
    r?.kind === 'seed' && titles[r.file] ? [[r.file.slice(0, 3), titles[r.file]?.short ?? '']] : []))
  return text.replace(/(?<=[（、])(\d{3})(?=[ ）、])/g, prefix => byPrefix.get(prefix) ?? prefix)
}

/** `000_….txt § 内部管理机制` → `虹口区房管局《…》·内部管理机制`; laws stay as written. */
export function describeSource (source: string, titles: SourceTitles): string {
  const ref: SourceRef | undefined = parseSource(source)
  if (ref?.kind !== 'seed') return source
  const title = titles[ref.file]?.title ?? ref.file
  return ref.section ? `${title}·${ref.section}` : title
}
