import type { SourceRef, Skill } from './skill-schema.js'
import { parseSource } from './skill-schema.js'

/** What a placeholder says when the compound YAML has no value: never a guess. */
export const MISSING_VALUE = '请咨询业委会'

const PLACEHOLDER = /\{\{\s*info\.([a-zA-Z0-9_]+)\s*\}\}/g
/** A full-width aside with a placeholder in it: （电话 {{info.committee_phone}}） */
const ASIDE = /（[^（）]*\{\{\s*info\.[a-zA-Z0-9_]+\s*\}\}[^（）]*）/g

export type InfoMap = Readonly<Record<string, string | undefined>>

/**
 * Fill `{{info.key}}` from the compound's `info:` map. A missing value says
 * 请咨询业委会; but an aside in full-width brackets whose value is missing is left out
 * whole: "联系业委会（电话 {{info.committee_phone}}）" must not become
 * "联系业委会（电话 请咨询业委会）".
 */
export function renderText (text: string, info: InfoMap): string {
  const value = (key: string): string | undefined => info[key]?.trim() || undefined
  const asides = text.replace(ASIDE, aside =>
    [...aside.matchAll(PLACEHOLDER)].every(m => value(m[1] ?? '') !== undefined) ? aside : '')
  return asides.replace(PLACEHOLDER, (_, key: string) => value(key) ?? MISSING_VALUE)
}

/** Seed file name → its title (after 依据) and short name (in the steps), from skills/sources.yaml. */
export type SourceTitles = Readonly<Record<string, { title: string, short: string }>>

export interface RenderedSkill { id: string, title: string, short: string, steps: string, sources: string[] }

/** The skill as an owner reads it; `titles` names seed files (skills/sources.yaml). */
export function renderSkill (skill: Skill, info: InfoMap, titles: SourceTitles = {}): RenderedSkill {
  return {
    id: skill.id,
    title: skill.title,
    short: renderText(skill.short, info),
    steps: nameSeeds(renderText(skill.steps, info), skill, titles),
    sources: skill.sources.map(s => describeSource(s, titles))
  }
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
