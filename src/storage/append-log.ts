import { open } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { describeIssue } from './decode-file.js'
import type { ChangeSink, PendingOp } from './store.js'

const PARTITION = /^[\w-][\w.-]*$/

/** One partition file's state: bytes on disk, logical size, and changes not yet written to it. */
export interface Partition {
  present: boolean
  diskSize: number
  size: number
  /** Bumped whenever the file is replaced or removed, so a read in flight starts again. */
  epoch: number
  tail: PendingOp[]
}

/**
 * An append-only log of JSON lines, one file per partition (`<dir>/<name>/<partition>.jsonl`,
 * e.g. a month). Appends never rewrite a file; `replace` compacts a partition.
 * All changes are synchronous and become durable with the next commit, atomically with the
 * document changes of the same commit.
 */
export class AppendLog<E> {
  constructor (readonly name: string, readonly dir: string, private readonly schema: z.ZodType,
    readonly parts: Map<string, Partition>, private readonly sink: ChangeSink, private readonly light = false) {}

  fileOf (partition: string): string { return path.join(this.dir, `${partition}.jsonl`) }

  /** Partitions that hold (or will hold, once committed) entries, sorted. */
  partitions (): string[] {
    return [...this.parts].filter(([, p]) => p.present).map(([name]) => name).sort()
  }

  /** `light`: see PendingOp (default: the log's own setting). */
  append (partition: string, entry: E, light = this.light): void {
    const e = this.serialize(entry)
    const part = this.part(partition)
    this.push(part, { log: this.name, partition, kind: 'append', text: e + '\n', json: this.op(partition, `"o":${part.size},"e":${e}`), ...(light && { light }) })
  }

  /** Replace a partition's entries (compaction): durable at the next commit. No entries: the partition is dropped. */
  replace (partition: string, entries: E[]): void {
    if (entries.length === 0) return this.drop(partition)
    const lines = entries.map(e => this.serialize(e))
    this.push(this.part(partition), { log: this.name, partition, kind: 'replace', text: lines.map(l => l + '\n').join(''), json: this.op(partition, `"r":[${lines.join(',')}]`) })
  }

  drop (partition: string): void {
    const part = this.parts.get(partition)
    if (!part?.present) return
    this.push(part, { log: this.name, partition, kind: 'drop', text: '', json: this.op(partition, '"x":1') })
  }

  /** Every entry of a partition, in order, changes not yet committed included. */
  async read (partition: string): Promise<E[]> {
    const part = this.parts.get(partition)
    if (!part?.present) return []
    for (;;) {
      const epoch = part.epoch
      const tail = [...part.tail]
      const reset = tail.map(op => op.kind !== 'append').lastIndexOf(true)
      let base: string
      if (reset >= 0) base = tail[reset]!.text
      else base = await readPrefix(this.fileOf(partition), part.diskSize)
      if (part.epoch !== epoch) continue
      const text = base + tail.slice(reset + 1).map(op => op.text).join('')
      return text === '' ? [] : text.slice(0, -1).split('\n').map(line => JSON.parse(line) as E)
    }
  }

  private push (part: Partition, op: PendingOp): void {
    const bytes = Buffer.byteLength(op.text)
    part.size = op.kind === 'append' ? part.size + bytes : bytes
    part.present = op.kind !== 'drop'
    part.tail.push(op)
    this.sink.record(op)
  }

  private part (partition: string): Partition {
    if (!PARTITION.test(partition)) throw new Error(`log ${this.name}: bad partition name ${JSON.stringify(partition)}`)
    let part = this.parts.get(partition)
    if (!part) this.parts.set(partition, part = { present: false, diskSize: 0, size: 0, epoch: 0, tail: [] })
    return part
  }

  private serialize (entry: E): string {
    const checked = this.schema.safeParse(entry)
    if (!checked.success) throw new Error(`log ${this.name}: entry does not match its schema: ${describeIssue(checked.error)}`)
    return JSON.stringify(entry)
  }

  private op (partition: string, rest: string): string {
    return `{"g":${JSON.stringify(this.name)},"p":${JSON.stringify(partition)},${rest}}`
  }
}

async function readPrefix (file: string, bytes: number): Promise<string> {
  if (bytes === 0) return ''
  const fh = await open(file, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    let at = 0
    while (at < bytes) {
      const { bytesRead } = await fh.read(buf, at, bytes - at, at)
      if (bytesRead === 0) break
      at += bytesRead
    }
    return buf.toString('utf8', 0, at)
  } finally { await fh.close() }
}
