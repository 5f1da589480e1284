import path from 'node:path'
import type { z } from 'zod'
import { StartupError } from '../app/startup-error.js'

export class StorageCorruptError extends StartupError {}

/** What a document file must satisfy: its zod schema, its version and how older ones upgrade. */
export interface DocumentFormat {
  schema: z.ZodType
  /** Current schema version of this file (default 1). */
  version?: number
  /** `migrations[v]` turns version v data into version v + 1. */
  migrations?: Record<number, (data: any) => unknown>
}

/**
 * The command that restores a file, as the operator must type it: `restore` takes a name
 * relative to the data directory (a log partition is LOG/PARTITION.jsonl), and the directory
 * itself, which is not the default one for the sandbox or a custom STORAGE_DIR.
 */
export const restoreCommand = (file: string): string => {
  const base = path.basename(file)
  const inLog = base.endsWith('.jsonl') && !base.startsWith('journal.')
  const dir = inLog ? path.dirname(path.dirname(file)) : path.dirname(file)
  return `npm run storage -- restore ${inLog ? `${path.basename(path.dirname(file))}/${base}` : base} --data ${dir}`
}

const checkCommand = (file: string): string => `npm run storage -- check --data ${path.dirname(file)}`

/** The refusal for a file that cannot be trusted: names it and the command that fixes it. */
export function corrupt (file: string, reason: string, fix = `停止机器人后运行 ${restoreCommand(file)}（恢复最近一个完好的版本）`): StorageCorruptError {
  return new StorageCorruptError(`数据文件 ${file} 无法读取（${reason}）。为防止数据丢失，机器人已停止启动，该文件未做任何改动。` +
    `修复：${fix}；${checkCommand(file)} 列出所有文件的状态。`)
}

export function describeIssue (error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || '(根)'}: ${issue.message}` : error.message
}

/** Parse and validate a document file's text (`{ schemaVersion, data }`), migrating old versions. */
export function decodeDocument (file: string, text: string, format: DocumentFormat): { data: unknown, migrated: boolean } {
  if (text.trim() === '') throw corrupt(file, '文件为空')
  let envelope: { schemaVersion?: unknown, data?: unknown }
  try {
    envelope = JSON.parse(text)
  } catch (err) {
    throw corrupt(file, `不是完整的 JSON，可能被截断：${(err as Error).message}`)
  }
  if (typeof envelope !== 'object' || envelope === null || !Number.isInteger(envelope.schemaVersion) || !('data' in envelope)) {
    throw corrupt(file, '缺少 schemaVersion 或 data')
  }
  const version = format.version ?? 1
  const from = envelope.schemaVersion as number
  if (from > version) {
    throw corrupt(file, `版本 ${from} 比程序支持的版本 ${version} 新`, `升级程序，或停止机器人后运行 ${restoreCommand(file)}`)
  }
  let data = envelope.data
  for (let v = from; v < version; v++) {
    const migrate = format.migrations?.[v]
    if (!migrate) throw corrupt(file, `缺少从版本 ${v} 升级的迁移步骤`)
    data = migrate(data)
  }
  const checked = format.schema.safeParse(data)
  if (!checked.success) throw corrupt(file, `内容不符合格式：${describeIssue(checked.error)}`)
  return { data, migrated: from < version }
}

/** Parse and validate a log partition's text (JSON lines); a line without its newline is damage. */
export function decodeLog (file: string, text: string, schema: z.ZodType): unknown[] {
  // The storage never leaves a partition empty (an empty one is dropped): an empty file is
  // what a disk or a hand lost, and read as "no entries" it would hand out ticket #1 again.
  if (text === '') throw corrupt(file, '文件为空')
  if (!text.endsWith('\n')) throw corrupt(file, '最后一行不完整')
  const lines = text.split('\n')
  lines.pop()
  return lines.map((line, i) => {
    let entry: unknown
    try {
      entry = JSON.parse(line)
    } catch {
      throw corrupt(file, `第 ${i + 1} 行不是完整的 JSON`)
    }
    const checked = schema.safeParse(entry)
    if (!checked.success) throw corrupt(file, `第 ${i + 1} 行不符合格式：${describeIssue(checked.error)}`)
    return entry
  })
}
