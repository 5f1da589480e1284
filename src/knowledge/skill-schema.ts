import { z } from 'zod'
import { BODY_IDS } from '../config/compound-schema.js'

/** The FAQ skill holds committee-approved answers; each entry becomes a skill of its own. */
export const FAQ_ID = 'faq'
/** Phone-friendly limit from the issue: the short answer must fit on one screen. */
export const SHORT_ANSWER_MAX = 300
/**
 * The group answer (`## 群聊简答`): read in a 500-person group on a phone, it is one or
 * two short lines; with 依据 and one line of what to do next it stays within 200 characters.
 */
export const GROUP_BRIEF_MAX = 90
export const GROUP_BRIEF_LINES = 2

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
  /** `## 群聊简答`: what a group reads (absent: the short answer's first sentences) */
  brief?: string
  /** `## 详细步骤` */
  steps: string
  /** file it came from (FAQ entries share the faq file) */
  path: string
}

/**
 * A source names a seed document, a rule (law, regulation, ministry rule, or the compound's
 * own 管理规约/议事规则), a committee answer (FAQ only), or the bot's own manual (skills
 * about the bot itself). Only rules are shown after 依据; seeds are news reports and local
 * practices (skills/sources.yaml says which), shown as 做法参考 with the steps.
 */
export type SourceRef =
  | { kind: 'seed', file: string, section: string }
  | { kind: 'law', text: string }
  | { kind: 'committee', text: string }
  | { kind: 'manual', text: string }

/** How the bot's own skills name their source: what the bot does is the bot's code. */
export const MANUAL_SOURCE = '小区助手使用说明'

const SEED = /^(\d{3}_[0-9a-f]{16}\.txt)\s*(?:§\s*(.*))?$/
// National rules the skills may cite (domain.md and the laws it names).
const LAWS = [/^民法典第[一二三四五六七八九十百零]+条/, /^业主大会和业主委员会指导规则/, /^住宅室内装饰装修管理办法/, /^物业管理条例/,
  /^最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释/, /^本小区(?:管理规约|业主大会议事规则)/]

export function parseSource (source: string): SourceRef | undefined {
  const seed = SEED.exec(source.trim())
  if (seed) return { kind: 'seed', file: seed[1] ?? '', section: (seed[2] ?? '').trim() }
  if (LAWS.some(re => re.test(source))) return { kind: 'law', text: source }
  if (source.startsWith('业委会答复')) return { kind: 'committee', text: source }
  if (source === MANUAL_SOURCE) return { kind: 'manual', text: source }
  return undefined
}
