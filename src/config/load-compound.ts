import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { compoundSchema, type Compound } from './compound-schema.js'
import { StartupError } from '../app/startup-error.js'
import { parseYamlText } from '../text/parse-yaml.js'

export class CompoundError extends StartupError {}

/**
 * Read and validate the compound YAML. A bad value stops the start with one message
 * naming the file, the field and what was expected.
 */
export async function loadCompound (file: string): Promise<Compound> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new CompoundError(`找不到小区配置文件 ${file}（可用 COMPOUND_FILE 指定路径）`)
  }
  return parseCompound(text, file)
}

export function parseCompound (text: string, file: string): Compound {
  let raw: unknown
  try {
    raw = parseYamlText(text)
  } catch (err) {
    throw new CompoundError(`${file}: YAML 格式错误：${(err as Error).message.split('\n')[0]}`)
  }
  const result = compoundSchema.safeParse(raw)
  if (!result.success) throw new CompoundError(describeIssue(file, result.error))
  return result.data
}

export function describeIssue (file: string, error: z.ZodError): string {
  const issue = error.issues[0]!
  const field = issue.path.length > 0 ? issue.path.join('.') : '(整个文件)'
  return `${file}: 字段 ${field} 有误：${issue.message}`
}
