import { readFile, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'
import { documentFormat, type DataFile } from './check-files.js'
import { decodeDocument, decodeLog } from './decode-file.js'
import { lockDirectory } from './directory-lock.js'
import { GENERATIONS, generationFile, writeDurable } from './durable-file.js'
import { decodeJournal, JOURNAL } from './journal.js'
import { replayJournal } from './replay-journal.js'

export interface RestoreResult { file: string, message: string }

/**
 * `npm run storage -- restore NAME`: replace a data file that does not validate by the newest
 * generation that does (a log partition or the journal: by its lines before the damage). The
 * file it replaces is kept beside it as NAME.broken-<time>. Refuses while a bot holds the lock.
 */
export async function restoreFile (dir: string, name: string, files: DataFile[], now = new Date()): Promise<RestoreResult> {
  const release = await lockDirectory(dir) // refuses (StartupError) while a live process holds it
  try {
    const rel = name.endsWith('.json') || name.endsWith('.jsonl') ? name : `${name}.json`
    const file = path.join(dir, rel)
    const aside = `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`
    if (rel === JOURNAL) return { file, message: await restoreJournal(file, aside) }
    // Committed changes waiting in the journal come first: they may already repair the file.
    if (await replayJournal(dir) > 0 && await validates(file, rel, files)) {
      return { file, message: `${rel} 已由日志中的已提交修改补全，现已完好。` }
    }
    if (rel.endsWith('.jsonl')) return { file, message: await restoreLog(file, rel, files, aside) }
    return { file, message: await restoreDocument(file, rel, files, aside) }
  } finally {
    await release()
  }
}

async function validates (file: string, rel: string, files: DataFile[]): Promise<boolean> {
  try {
    const text = await readFile(file, 'utf8')
    if (rel.endsWith('.jsonl')) decodeLog(file, text, logFormat(rel, files).schema)
    else decodeDocument(file, text, docFormat(rel, files))
    return true
  } catch {
    return false
  }
}

function docFormat (rel: string, files: DataFile[]): DataFile & { kind: 'document' } {
  const format = documentFormat(files, rel.slice(0, -5))
  if (!format) throw new StartupError(`不认识的数据文件 ${rel}（npm run storage -- check 列出所有已知文件）。`)
  return format
}

function logFormat (rel: string, files: DataFile[]): DataFile & { kind: 'log' } {
  const log = files.find((f): f is DataFile & { kind: 'log' } => f.kind === 'log' && f.name === path.dirname(rel))
  if (!log) throw new StartupError(`不认识的日志文件 ${rel}（npm run storage -- check 列出所有已知文件）。`)
  return log
}

interface Generation { n: number, file: string, text: string, writtenAt: Date }

/** The generations of a document file that validate, newest first (what `restore` would use). */
export async function goodGenerations (file: string, files: DataFile[]): Promise<Generation[]> {
  const format = documentFormat(files, path.basename(file).slice(0, -5))
  const good: Generation[] = []
  for (let n = 1; format && n <= GENERATIONS; n++) {
    const candidate = generationFile(file, n)
    try {
      const text = await readFile(candidate, 'utf8')
      decodeDocument(candidate, text, format)
      good.push({ n, file: candidate, text, writtenAt: (await stat(candidate)).mtime })
    } catch {}
  }
  return good
}

async function restoreDocument (file: string, rel: string, files: DataFile[], aside: string): Promise<string> {
  docFormat(rel, files) // an unknown name is refused as such
  if (await validates(file, rel, files)) return `${rel} 完好，无需恢复。`
  const [best] = await goodGenerations(file, files)
  if (best) {
    await rename(file, aside).catch(() => {})
    await writeDurable(file, best.text)
    return `已用第 ${best.n} 代备份（${path.basename(best.file)}，写于 ${best.writtenAt.toISOString()}）恢复 ${rel}；` +
      `损坏的文件保存为 ${path.basename(aside)}。丢失的是该备份之后对 ${rel} 的修改。`
  }
  throw new StartupError(`${rel} 没有可用的备份（${rel}.1 … .${GENERATIONS} 都不存在或无法读取）。损坏的文件未做改动。`)
}

async function restoreLog (file: string, rel: string, files: DataFile[], aside: string): Promise<string> {
  const { schema } = logFormat(rel, files)
  const lines = (await readFile(file, 'utf8')).split('\n')
  const kept: string[] = []
  for (const line of lines) {
    try {
      if (!schema.safeParse(JSON.parse(line)).success) break
    } catch {
      break
    }
    kept.push(line)
  }
  const total = lines.filter(l => l !== '').length
  // Nothing good to keep: writing an empty file would only be refused at the next start.
  if (kept.length === 0) throw new StartupError(`${rel} ${total === 0 ? '是空的' : '第一行就已损坏'}，本机没有它可用的备份，未做改动。请从备份放回这个文件；确认其中的记录已不再需要时，删除它后再启动。`)
  if (kept.length === total && lines.at(-1) === '') return `${rel} 完好，无需恢复。`
  await rename(file, aside)
  await writeDurable(file, kept.map(l => l + '\n').join(''))
  return `已恢复 ${rel}：保留损坏处之前的 ${kept.length} 条，丢弃 ${total - kept.length} 条；原文件保存为 ${path.basename(aside)}。`
}

async function restoreJournal (file: string, aside: string): Promise<string> {
  const text = await readFile(file, 'utf8')
  const { records, damagedLine } = decodeJournal(text)
  if (damagedLine === undefined) return `${JOURNAL} 完好，无需恢复（启动时会自动写入数据文件）。`
  const good = text.split('\n').slice(0, damagedLine - 1).map(l => l + '\n').join('')
  await rename(file, aside)
  await writeDurable(file, good)
  return `已恢复 ${JOURNAL}：保留损坏处之前的 ${records.length} 条提交；原文件保存为 ${path.basename(aside)}。`
}
