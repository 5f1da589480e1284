import { z } from 'zod'
import { BODY_IDS } from '../config/compound-schema.js'

/** The FAQ skill holds committee-approved answers; each entry becomes a skill of its own. */
export const FAQ_ID = 'faq'
/** Phone-friendly limit from the issue: the short answer must fit on one screen. */
export const SHORT_ANSWER_MAX = 300

/** YAML front matter of a SKILL.md. */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id 只能用小写字母、数字和连字符'),
  title: z.string().min(1),
  examples: z.array(z.string().min(1)).max(30).default([]),
  bodies: z.array(z.enum(BODY_IDS)).min(1),
  sources: z.array(z.string().min(1)).min(1, '至少写一个依据')
})
export type FrontMatter = z.infer<typeof frontMatterSchema>

export interface Skill extends FrontMatter {
  /** `## 简答`, with {{info.x}} placeholders still in it */
  short: string
  /** `## 详细步骤` */
  steps: string
  /** file it came from (FAQ entries share the faq file) */
  path: string
}

/** A source names a seed document, a national rule, or a committee answer (FAQ only). */
export type SourceRef =
  | { kind: 'seed', file: string, section: string }
  | { kind: 'law', text: string }
  | { kind: 'committee', text: string }

const SEED = /^(\d{3}_[0-9a-f]{16}\.txt)\s*(?:§\s*(.*))?$/
// National rules the skills may cite (domain.md and the laws it names).
const LAWS = [/^民法典第[一二三四五六七八九十百零]+条/, /^业主大会和业主委员会指导规则/, /^住宅室内装饰装修管理办法/, /^物业管理条例/]

export function parseSource (source: string): SourceRef | undefined {
  const seed = SEED.exec(source.trim())
  if (seed) return { kind: 'seed', file: seed[1] ?? '', section: (seed[2] ?? '').trim() }
  if (LAWS.some(re => re.test(source))) return { kind: 'law', text: source }
  if (source.startsWith('业委会答复')) return { kind: 'committee', text: source }
  return undefined
}
