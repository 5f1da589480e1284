import { fdatasyncSync, writeSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { open, rename, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { syncDirectory } from './durable-file.js'

// The write-ahead journal (storage/journal.jsonl): one line per commit,
//   <8 hex checksum> <body JSON>\n
// body = {"s":seq,"d":{NAME:{"schemaVersion":v,"data":…},…},"l":[op,…]} where op is
//   {"g":LOG,"p":PARTITION,"o":OFFSET,"e":ENTRY}  append ENTRY as a line at byte OFFSET
//   {"g":LOG,"p":PARTITION,"r":[ENTRY,…]}        replace the partition (compaction)
//   {"g":LOG,"p":PARTITION,"x":1}                 drop the partition
// A commit is durable once its line is fdatasynced. A line whose checksum does not match can
// only be the last one (a write torn by a crash, never acknowledged) and is ignored.

export const JOURNAL = 'journal.jsonl'
/** The journal a checkpoint is writing into the data files, while new commits go to a fresh one. */
export const SEALED = 'journal.sealed.jsonl'

export interface JournalRecord {
  s: number
  d: Record<string, { schemaVersion: number, data: unknown }>
  l: LogOp[]
}

export type LogOp = { g: string, p: string } & ({ o: number, e: unknown } | { r: unknown[] } | { x: 1 })

const checksum = (body: string): string => createHash('sha1').update(body).digest('hex').slice(0, 8)

export const encodeRecord = (body: string): string => `${checksum(body)} ${body}\n`

/** The complete records of a journal's text; `torn` when a damaged last line was dropped. */
export function decodeJournal (text: string): { records: JournalRecord[], torn: boolean, damagedLine?: number } {
  const lines = text.split('\n')
  const records: JournalRecord[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const body = line.slice(9)
    const ok = line[8] === ' ' && checksum(body) === line.slice(0, 8) && (i < lines.length - 1)
    if (!ok) {
      const last = lines.slice(i + 1).every(l => l === '')
      return last ? { records, torn: true } : { records, torn: false, damagedLine: i + 1 }
    }
    records.push(JSON.parse(body) as JournalRecord)
  }
  return { records, torn: false }
}

/** The open journal: append a record durably; seal it for a checkpoint. */
export class Journal {
  /** fdatasyncs a commit waited for (tests and the bench: a plain answer should cost none); not the checkpoint's. */
  syncs = 0

  private constructor (private readonly file: string, private fh: FileHandle, public size: number) {}

  static async open (file: string): Promise<Journal> {
    const fh = await open(file, 'a')
    return new Journal(file, fh, (await fh.stat()).size)
  }

  /**
   * Rename the journal to SEALED and continue in a new, empty one. The directory is fsynced
   * before any commit can go into the new file, so a commit never depends on a rename a
   * power cut could undo.
   */
  async seal (): Promise<void> {
    // Lines appended without sync become durable here, not only once the checkpoint is done.
    await this.fh.datasync()
    await this.fh.close()
    try {
      await rename(this.file, path.join(path.dirname(this.file), SEALED))
    } finally {
      this.fh = await open(this.file, 'a')
      this.size = (await this.fh.stat()).size
    }
    await syncDirectory(path.dirname(this.file))
  }

  /**
   * Append a record; with `sync`, fdatasync it (and every line written before it). Without,
   * the line is in the OS's page cache: it survives the process being killed, not a power cut.
   */
  async append (line: string, sync = true): Promise<void> {
    const before = this.size
    try {
      const buf = Buffer.from(line)
      // Synchronous on purpose: two thread-pool round trips cost more than the fdatasync
      // itself (~0.2 ms), and the caller is waiting for exactly this to finish.
      writeSync(this.fh.fd, buf)
      if (sync) this.sync()
      this.size += buf.length
    } catch (err) {
      // Never leave a torn line in front of the next record: that would read as damage.
      await this.fh.truncate(before).catch(() => {})
      throw err
    }
  }

  /** fdatasync the lines appended without it. */
  sync (): void {
    fdatasyncSync(this.fh.fd)
    this.syncs++
  }

  async close (): Promise<void> { await this.fh.close() }
}
