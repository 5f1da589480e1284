import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'

// The write-ahead journal (storage/journal.jsonl): one line per commit,
//   <8 hex checksum> <body JSON>\n
// body = {"s":seq,"d":{NAME:{"schemaVersion":v,"data":…},…},"l":[op,…]} where op is
//   {"g":LOG,"p":PARTITION,"o":OFFSET,"e":ENTRY}  append ENTRY as a line at byte OFFSET
//   {"g":LOG,"p":PARTITION,"r":[ENTRY,…]}        replace the partition (compaction)
//   {"g":LOG,"p":PARTITION,"x":1}                 drop the partition
// A commit is durable once its line is fdatasynced. A line whose checksum does not match can
// only be the last one (a write torn by a crash, never acknowledged) and is ignored.

export const JOURNAL = 'journal.jsonl'

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

/** The open journal: append a record durably, or empty it after a checkpoint. */
export class Journal {
  private constructor (private readonly fh: FileHandle, public size: number) {}

  static async open (file: string): Promise<Journal> {
    const fh = await open(file, 'a')
    return new Journal(fh, (await fh.stat()).size)
  }

  async append (line: string): Promise<void> {
    const before = this.size
    try {
      const buf = Buffer.from(line)
      await this.fh.write(buf)
      await this.fh.datasync()
      this.size += buf.length
    } catch (err) {
      // Never leave a torn line in front of the next record: that would read as damage.
      await this.fh.truncate(before).catch(() => {})
      throw err
    }
  }

  async clear (): Promise<void> {
    await this.fh.truncate(0)
    await this.fh.sync()
    this.size = 0
  }

  async close (): Promise<void> { await this.fh.close() }
}
