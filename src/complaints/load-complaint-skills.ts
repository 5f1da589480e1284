import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import { StartupError } from '../app/startup-error.js'
import { parseYamlText } from '../text/parse-yaml.js'
import {
  categoriesFileSchema, examplesFileSchema, intentFileSchema, recusalFileSchema, urgentFileSchema, NOT_A_COMPLAINT,
  type CategoriesFile, type ExamplesFile, type IntentFile, type RecusalFile, type UrgentFile
} from './skill-schemas.js'

export class ComplaintSkillError extends StartupError {}

export interface ComplaintSkills {
  categories: CategoriesFile
  urgent: UrgentFile
  intent: IntentFile
  examples: ExamplesFile
  recusal: RecusalFile
}

export const DEFAULT_SKILLS_DIR = fileURLToPath(new URL('../../skills/complaints/', import.meta.url))

/**
 * Read and validate the files of skills/complaints/. Synchronous because the
 * classifier is synchronous; the feature calls this once at start so a broken file stops
 * the start with one message naming the file and the field.
 */
export function loadComplaintSkills (dir: string = DEFAULT_SKILLS_DIR): ComplaintSkills {
  const categories = readYaml(path.join(dir, 'categories.yaml'), categoriesFileSchema)
  const examples = readYaml(path.join(dir, 'examples.yaml'), examplesFileSchema)
  const file = path.join(dir, 'examples.yaml')
  const known = new Set(categories.categories.map(c => c.id))
  for (const label of Object.keys(examples.examples)) {
    if (label !== NOT_A_COMPLAINT && !known.has(label)) {
      throw new ComplaintSkillError(`${file}: 字段 examples.${label} 有误：不是 categories.yaml 中的类别（不是投诉请用 ${NOT_A_COMPLAINT}）`)
    }
  }
  const recusal = readYaml(path.join(dir, 'recusal.yaml'), recusalFileSchema)
  checkRecusal(path.join(dir, 'recusal.yaml'), recusal, categories)
  return {
    categories,
    recusal,
    urgent: readYaml(path.join(dir, 'urgent-words.yaml'), urgentFileSchema),
    intent: readYaml(path.join(dir, 'intent-words.yaml'), intentFileSchema),
    examples
  }
}

/** Every body and category recusal.yaml names must exist in categories.yaml. */
function checkRecusal (file: string, recusal: RecusalFile, categories: CategoriesFile): void {
  const bodies = new Set(Object.keys(categories.bodies))
  const known = new Set(categories.categories.map(c => c.id))
  const bad = (field: string, what: string): never => { throw new ComplaintSkillError(`${file}: 字段 ${field} 有误：“${what}”不是 categories.yaml 中的单位或类别`) }
  for (const [body, rule] of Object.entries(recusal.supervision)) {
    for (const b of [body, ...rule.supervisors, ...rule.informed]) if (!bodies.has(b)) bad(`supervision.${body}`, b)
  }
  for (const [category, body] of Object.entries(recusal.accuses)) {
    if (!known.has(category)) bad(`accuses.${category}`, category)
    if (!bodies.has(body)) bad(`accuses.${category}`, body)
  }
  for (const c of [...Object.keys(recusal.accusing.body), ...recusal.accusing.person]) if (!known.has(c)) bad('accusing', c)
  for (const b of Object.values(recusal.accusing.body).flat()) if (!bodies.has(b)) bad('accusing.body', b)
  for (const [body, relays] of Object.entries(recusal.relay)) for (const b of [body, ...relays]) if (!bodies.has(b)) bad(`relay.${body}`, b)
  for (const b of [...recusal.letter_bodies, ...Object.keys(recusal.acting_roles), ...Object.values(recusal.role_bodies)]) if (!bodies.has(b)) bad('letter_bodies/acting_roles/role_bodies', b)
}

export function readYaml<S extends z.ZodType> (file: string, schema: S): z.infer<S> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ComplaintSkillError(`找不到投诉配置文件 ${file}`)
  }
  return parseYaml(text, file, schema)
}

export function parseYaml<S extends z.ZodType> (text: string, file: string, schema: S): z.infer<S> {
  let raw: unknown
  try {
    raw = parseYamlText(text)
  } catch (err) {
    throw new ComplaintSkillError(`${file}: YAML 格式错误：${(err as Error).message.split('\n')[0] ?? ''}`)
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(整个文件)'
    throw new ComplaintSkillError(`${file}: 字段 ${field} 有误：${issue?.message ?? '格式不对'}`)
  }
  return result.data
}
