import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { z } from 'zod'
import { StartupError } from '../app/startup-error.js'
import {
  categoriesFileSchema, examplesFileSchema, intentFileSchema, urgentFileSchema, NOT_A_COMPLAINT,
  type CategoriesFile, type ExamplesFile, type IntentFile, type UrgentFile
} from './skill-schemas.js'

export class ComplaintSkillError extends StartupError {}

export interface ComplaintSkills {
  categories: CategoriesFile
  urgent: UrgentFile
  intent: IntentFile
  examples: ExamplesFile
}

export const DEFAULT_SKILLS_DIR = fileURLToPath(new URL('../../skills/complaints/', import.meta.url))

/**
 * Read and validate the four files of skills/complaints/. Synchronous because the
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
  return {
    categories,
    urgent: readYaml(path.join(dir, 'urgent-words.yaml'), urgentFileSchema),
    intent: readYaml(path.join(dir, 'intent-words.yaml'), intentFileSchema),
    examples
  }
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
    raw = parse(text)
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
