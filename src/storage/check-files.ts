import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { decodeDocument, decodeLog, restoreCommand, type DocumentFormat } from './decode-file.js'
import { decodeJournal, JOURNAL } from './journal.js'

/** A kind of data file the bot keeps: a document (by name or name pattern) or a log. */
export type DataFile =
  | ({ kind: 'document', name: string | RegExp, about: string } & DocumentFormat)
  | { kind: 'log', name: string, about: string, schema: z.ZodType }

export interface FileReport { file: string, ok: boolean, detail: string }

const matches = (f: DataFile, name: string): boolean => typeof f.name === 'string' ? f.name === name : f.name.test(name)

export const documentFormat = (files: DataFile[], name: string): (DataFile & { kind: 'document' }) | undefined =>
  files.find((f): f is DataFile & { kind: 'document' } => f.kind === 'document' && matches(f, name))

/** A document as the check decoded it: what opening it would read. */
export interface DecodedDocument { data: unknown, migrated: boolean }

/**
 * Validate every known file in the directory (documents, log partitions, the journal).
 * `documents`, if given, receives each valid document as decoded, by name.
 */
export async function checkFiles (dir: string, files: DataFile[], documents?: Map<string, DecodedDocument>): Promise<FileReport[]> {
  const reports: FileReport[] = []
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries.filter(e => e.isFile() && e.name.endsWith('.json')).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = entry.name.slice(0, -5)
    const format = documentFormat(files, name)
    if (!format) continue
    const file = path.join(dir, entry.name)
    reports.push(await report(file, async text => {
      const decoded = decodeDocument(file, text, format)
      documents?.set(name, decoded)
      return '完好'
    }))
  }
  for (const log of files.filter(f => f.kind === 'log')) {
    const logDir = path.join(dir, log.name)
    const parts = (await readdir(logDir).catch(() => [])).filter(n => n.endsWith('.jsonl')).sort()
    for (const part of parts) {
      const file = path.join(logDir, part)
      reports.push(await report(file, async text => `完好，${decodeLog(file, text, log.schema).length} 条`))
    }
  }
  const journal = path.join(dir, JOURNAL)
  reports.push(await report(journal, async text => {
    const { records, damagedLine } = decodeJournal(text)
    if (damagedLine !== undefined) throw new Error(`数据文件 ${journal} 无法读取（第 ${damagedLine} 行损坏）。修复：${restoreCommand(journal)}`)
    return records.length === 0 ? '空（已全部写入数据文件）' : `${records.length} 条提交待写入数据文件（启动时自动完成）`
  }, true))
  return reports.filter(r => r.detail !== '')
}

async function report (file: string, check: (text: string) => Promise<string>, optional = false): Promise<FileReport> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return { file, ok: true, detail: '' }
    return { file, ok: false, detail: (err as Error).message }
  }
  try {
    return { file, ok: true, detail: await check(text) }
  } catch (err) {
    return { file, ok: false, detail: (err as Error).message }
  }
}
