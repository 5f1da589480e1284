import { mkdir, open, stat, truncate, unlink } from 'node:fs/promises'
import path from 'node:path'
import { corrupt } from './decode-file.js'
import { GENERATIONS, ignoreMissing, readIfPresent, syncDirectory, writeDurable, writeSynced } from './durable-file.js'
import { decodeJournal, JOURNAL, SEALED, type JournalRecord, type LogOp } from './journal.js'

/**
 * Bring the files up to date with the journal left by a crash: every complete record was
 * acknowledged, so its documents and log lines must be in the files. Idempotent: a log line
 * carries the byte offset it was appended at, so a line the interrupted checkpoint already
 * wrote is not written twice. Returns the number of records replayed.
 */
export async function replayJournal (dir: string): Promise<number> {
  // A sealed journal (a checkpoint was interrupted) holds older commits than the live one.
  const records = [...await readRecords(path.join(dir, SEALED)), ...await readRecords(path.join(dir, JOURNAL))]
  if (records.length === 0) {
    await unlink(path.join(dir, SEALED)).catch(() => {})
    return 0
  }
  const docs = new Map<string, unknown>()
  const parts = new Map<string, LogOp[]>()
  for (const r of records) {
    for (const [name, envelope] of Object.entries(r.d)) docs.set(name, envelope)
    for (const op of r.l) {
      const key = path.join(op.g, `${op.p}.jsonl`)
      const group = parts.get(key)
      if (group) group.push(op)
      else parts.set(key, [op])
    }
  }
  for (const [name, envelope] of docs) await writeDurable(path.join(dir, `${name}.json`), JSON.stringify(envelope), GENERATIONS)
  const touched = new Set<string>()
  for (const [key, ops] of parts) {
    const target = path.join(dir, key)
    await mkdir(path.dirname(target), { recursive: true })
    await replayPartition(target, ops)
    touched.add(path.dirname(target))
  }
  for (const d of touched) await syncDirectory(d)
  await writeSynced(path.join(dir, JOURNAL), '')
  await unlink(path.join(dir, SEALED)).catch(() => {})
  await syncDirectory(dir)
  return records.length
}

async function readRecords (file: string): Promise<JournalRecord[]> {
  const text = await readIfPresent(file)
  if (text === null) return []
  const { records, damagedLine } = decodeJournal(text)
  if (damagedLine !== undefined) {
    throw corrupt(file, `第 ${damagedLine} 行损坏，而其后还有记录`, `停止机器人后运行 npm run storage -- restore ${path.basename(file)}（保留损坏处之前的记录）`)
  }
  return records
}

async function replayPartition (file: string, ops: LogOp[]): Promise<void> {
  // Only what follows the last replace or drop matters; earlier offsets refer to old content.
  const reset = ops.map(op => !('o' in op)).lastIndexOf(true)
  if (reset >= 0) {
    const op = ops[reset]!
    if ('r' in op && op.r.length > 0) await writeDurable(file, op.r.map(e => JSON.stringify(e) + '\n').join(''))
    else await unlink(file).catch(ignoreMissing)
  }
  const appends = ops.slice(reset + 1) as Array<{ o: number, e: unknown }>
  if (appends.length === 0) return
  let size = await stat(file).then(s => s.size, () => 0)
  const missing: string[] = []
  for (const { o, e } of appends) {
    const line = JSON.stringify(e) + '\n'
    const end = o + Buffer.byteLength(line)
    if (size >= end) continue // written before the crash
    if (size < o) throw corrupt(file, `比日志记录短（${size} < ${o} 字节），有数据丢失`)
    if (size > o) {
      await truncate(file, o) // a line torn by the crash: write it again whole
      size = o
    }
    missing.push(line)
    size = end
  }
  if (missing.length > 0) await writeSynced(file, missing.join(''), 'a')
  else {
    const fh = await open(file, 'r+')
    try { await fh.sync() } finally { await fh.close() }
  }
}
