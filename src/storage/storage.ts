import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import type { Logger } from '../log/logger.js'
import { AppendLog, type Partition } from './append-log.js'
import { checkFiles, type DataFile } from './check-files.js'
import { decodeDocument, decodeLog, StorageCorruptError, type DocumentFormat } from './decode-file.js'
import { lockDirectory } from './directory-lock.js'
import { DurableTextFile, ignoreMissing, syncDirectory, writeDurable, writeSynced } from './durable-file.js'
import { encodeRecord, Journal, JOURNAL, SEALED } from './journal.js'
import { replayJournal } from './replay-journal.js'
import { Store, type ChangeSink, type PendingOp } from './store.js'

export { AppendLog } from './append-log.js'
export type { DataFile } from './check-files.js'
export { StorageCorruptError } from './decode-file.js'
export { Store } from './store.js'

export interface StoreOptions<T> extends DocumentFormat {
  /**
   * false: not journaled by commits, written at the next checkpoint (about a second later)
   * and at close; a crash may lose its last changes. For caches.
   */
  durable?: boolean
  /** Recompute derived data (indexes, counters) from the records after every open: never trusted from disk. */
  rebuild?: (data: T) => void
}

export interface LogOptions {
  schema: z.ZodType
  /**
   * Its appends are bookkeeping no confirmation stands on (seen ids, sessions): they are
   * journaled before any send, but fdatasynced only with weightier changes or at the next
   * checkpoint (about a second). A killed process loses none of it; a power cut, at most
   * that last second of it.
   */
  light?: boolean
}

export interface StorageOptions {
  /** An update is committed automatically within this many ms (default 20). */
  delayMs?: number
  /** Journaled changes are written into the data files this long after a commit (default 1000). */
  checkpointMs?: number
  /** …or as soon as the journal is this large (default 4 MB). */
  checkpointBytes?: number
  /** Every known data file: all are validated at start, before anything runs. */
  files?: DataFile[]
}

interface DocState { store: Store<any>, low: Low<string>, version: number }

/**
 * The bot's data directory: document files (lowdb, one Low per file), append-only logs and
 * a write-ahead journal that makes each commit atomic and durable with one fdatasync.
 * See storage/README.md for the format and the guarantees.
 *
 * Cost: a commit journals the whole content of every document changed since the previous
 * one, so a document changed per message must stay small (split it, like the ticket chunks);
 * anything that grows with use belongs in a log, whose append costs only its line.
 */
export class Storage implements ChangeSink {
  private readonly opts: Required<Omit<StorageOptions, 'files'>> & { files?: DataFile[] }
  private starting: Promise<void> | undefined
  private closed = false
  private unlock: (() => Promise<void>) | undefined
  private journal: Journal | undefined
  private readonly docs = new Map<Store<any>, DocState>()
  private readonly opening = new Map<string, Promise<Store<any>>>()
  private readonly logs = new Map<string, Promise<AppendLog<any>>>()
  private readonly logParts = new Map<string, Map<string, Partition>>()
  // Changes since the last commit; `changes` counts them, `writtenUpTo` is the count in the
  // journal file, `durableUpTo` the count fdatasynced, `lastWeighty` the count at the last
  // change that is not light (see PendingOp.light).
  private dirty = new Set<DocState>()
  private dirtyLoose = new Set<DocState>()
  private pending: PendingOp[] = []
  private changes = 0
  private lastWeighty = 0
  private writtenUpTo = 0
  private durableUpTo = 0
  private flushing: Promise<void> | undefined
  private writing: Promise<void> | undefined
  // Committed (journaled) but not yet in the data files.
  private readonly toWrite = new Map<DocState, string>()
  private committedOps: PendingOp[] = []
  private chain: Promise<unknown> = Promise.resolve()
  private commitTimer: NodeJS.Timeout | undefined
  private checkpointTimer: NodeJS.Timeout | undefined
  private seq = 0
  private checkpointing: Promise<void> | undefined
  private checkpointBroken = false
  private closing: Promise<void> | undefined

  constructor (readonly dir: string, private readonly log?: Logger, options: StorageOptions = {}) {
    this.opts = { delayMs: 20, checkpointMs: 1000, checkpointBytes: 4 * 1024 * 1024, ...options }
  }

  /** Lock the directory, replay the journal, validate every known file. Idempotent. */
  async start (): Promise<void> {
    this.starting ??= this.init()
    await this.starting
  }

  /** Open (once per process; concurrent callers share it) the document `<dir>/<name>.json`. */
  async open<T> (name: string, init: () => T, options: StoreOptions<T>): Promise<Store<T>> {
    let opening = this.opening.get(name)
    if (!opening) {
      opening = this.openDocument(name, init, options)
      this.opening.set(name, opening)
      opening.catch(() => this.opening.delete(name))
    }
    return await opening as Store<T>
  }

  /** Open (once per process) the append-only log `<dir>/<name>/<partition>.jsonl`. */
  async openLog<E> (name: string, options: LogOptions): Promise<AppendLog<E>> {
    let opening = this.logs.get(name)
    if (!opening) {
      opening = this.openAppendLog(name, options)
      this.logs.set(name, opening)
      opening.catch(() => this.logs.delete(name))
    }
    return await opening as AppendLog<E>
  }

  /** Names of the document files that exist and match `pattern` (e.g. ticket chunks), sorted. */
  async documents (pattern: RegExp): Promise<string[]> {
    await this.start()
    const onDisk = (await readdir(this.dir)).filter(f => f.endsWith('.json')).map(f => f.slice(0, -5))
    const opened = [...this.docs.values()].map(d => d.store.name)
    return [...new Set([...onDisk, ...opened])].filter(n => pattern.test(n)).sort()
  }

  /**
   * Group commit: resolves once every change made before the call is durable. Callers
   * arriving together share one journal write; a call during a write waits for the next.
   */
  async commit (): Promise<void> {
    const target = this.changes
    while (this.durableUpTo < target) {
      if (this.closed) {
        // A handler still running while the bot stops: nothing can be saved any more, and
        // nothing will be sent either (the outbox is paused before the storage closes).
        this.log?.warn(`storage: commit after close (${this.dir}); the change is not saved`)
        return
      }
      this.flushing ??= this.exclusive(async () => await this.writeJournal(true)).finally(() => { this.flushing = undefined })
      await this.flushing
    }
  }

  /**
   * What must hold before a message goes out: every change made before the call is in the
   * journal (a killed process loses none of it), and fdatasynced too unless all that is not
   * yet synced is light. So a confirmation, and whatever state a reply reads, survives a
   * power cut; a plain answer does not wait ~0.3 ms for the disk.
   */
  async commitBeforeSend (): Promise<void> {
    if (this.lastWeighty > this.durableUpTo) return await this.commit()
    const target = this.changes
    while (this.writtenUpTo < target) {
      if (this.closed) return await this.commit() // warns, as a commit after close does
      this.writing ??= this.exclusive(async () => await this.writeJournal(false)).finally(() => { this.writing = undefined })
      await this.writing
    }
  }

  /** fdatasyncs of the journal a commit waited for so far (tests and the bench count them). */
  get journalSyncs (): number { return this.journal?.syncs ?? 0 }

  /** Changes that are not light so far: equal before and after a step means it changed nothing weighty. */
  get weightyChanges (): number { return this.lastWeighty }

  /** Old name of `commit`. */
  async flushAll (): Promise<void> { await this.commit() }

  /** Write everything committed so far into the data files; then the journal it was in is deleted. */
  async checkpoint (): Promise<void> {
    if (!this.journal || this.closed) return
    while (this.checkpointing) await this.checkpointing.catch(() => {})
    if (this.checkpointBroken) return
    this.checkpointing = this.writeCheckpoint().finally(() => { this.checkpointing = undefined })
    await this.checkpointing
  }

  /** Commit, checkpoint and let another process have the directory (on stop). */
  async close (): Promise<void> {
    this.closing ??= this.shutDown()
    await this.closing
  }

  private async shutDown (): Promise<void> {
    if (!this.starting || this.closed) return
    try { await this.starting } catch { return }
    clearTimeout(this.commitTimer)
    // Changes made while the checkpoint runs (a handler finishing) get one more round.
    for (let round = 0; round < 2; round++) {
      await this.commit()
      await this.checkpoint()
    }
    this.closed = true
    clearTimeout(this.checkpointTimer)
    await this.journal?.close()
    await this.unlock?.()
    this.unlock = undefined
  }

  /**
   * Stop as kill -9 would: nothing more is written (uncommitted changes are lost, the journal
   * is left for the next start to replay), but the lock is released so a test can start again
   * in the same process.
   */
  async abandon (): Promise<void> {
    if (!this.starting || this.closed) return
    this.closed = true
    try { await this.starting } catch { return }
    clearTimeout(this.commitTimer)
    clearTimeout(this.checkpointTimer)
    await this.chain
    await this.checkpointing?.catch(() => {})
    await this.journal?.close()
    await this.unlock?.()
    this.unlock = undefined
  }

  touch (store: Store<any>): void {
    const state = this.docs.get(store)
    if (!state) return
    if (store.durable) {
      this.dirty.add(state)
      this.changed(true)
    } else {
      this.dirtyLoose.add(state)
      this.scheduleCheckpoint()
    }
  }

  record (op: PendingOp): void {
    this.pending.push(op)
    this.changed(op.light !== true)
  }

  private changed (weighty: boolean): void {
    this.changes++
    if (weighty) this.lastWeighty = this.changes
    if (this.closed) return
    // Light changes alone are only written: the checkpoint a second later makes them durable.
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = undefined
      this.commitBeforeSend().catch(err => this.log?.error('storage: commit failed', err))
    }, this.opts.delayMs)
  }

  private async init (): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    this.unlock = await lockDirectory(this.dir)
    try {
      const replayed = await replayJournal(this.dir)
      if (replayed > 0) this.log?.warn(`storage: replayed ${replayed} committed change(s) from ${JOURNAL} after an interrupted run`)
      if (this.opts.files) {
        const bad = (await checkFiles(this.dir, this.opts.files)).filter(r => !r.ok)
        if (bad.length > 0) throw new StorageCorruptError(bad.map(r => r.detail).join('\n'))
      }
      this.journal = await Journal.open(path.join(this.dir, JOURNAL))
    } catch (err) {
      await this.unlock()
      this.unlock = undefined
      throw err
    }
  }

  private async openDocument<T> (name: string, init: () => T, options: StoreOptions<T>): Promise<Store<T>> {
    await this.start()
    const file = path.join(this.dir, `${name}.json`)
    const adapter = new DurableTextFile(file)
    const low = new Low<string>(adapter, '')
    // lowdb's read() cannot tell a missing file (start afresh) from an empty one (refuse).
    const text = await adapter.read()
    const decoded = text === null ? undefined : decodeDocument(file, text, options)
    if (decoded?.migrated) this.log?.info(`storage: migrated ${name}.json to v${options.version ?? 1}`)
    const data = decoded ? decoded.data as T : init()
    options.rebuild?.(data)
    const store = new Store<T>(name, data, this, options.durable ?? true)
    this.docs.set(store, { store, low, version: options.version ?? 1 })
    if (decoded?.migrated) store.update(() => {})
    return store
  }

  private async openAppendLog<E> (name: string, options: LogOptions): Promise<AppendLog<E>> {
    await this.start()
    const dir = path.join(this.dir, name)
    await mkdir(dir, { recursive: true })
    const parts = new Map<string, Partition>()
    // A log in the list of known files was validated at start; any other is validated now.
    const checked = this.opts.files?.some(f => f.kind === 'log' && f.name === name) === true
    for (const f of (await readdir(dir)).filter(f => f.endsWith('.jsonl'))) {
      const file = path.join(dir, f)
      if (!checked) decodeLog(file, await readFile(file, 'utf8'), options.schema)
      const size = (await stat(file)).size
      parts.set(f.slice(0, -6), { present: true, diskSize: size, size, epoch: 0, tail: [] })
    }
    this.logParts.set(name, parts)
    return new AppendLog<E>(name, dir, options.schema, parts, this, options.light === true)
  }

  private async exclusive<R> (fn: () => Promise<R>): Promise<R> {
    const run = this.chain.then(fn)
    this.chain = run.catch(() => {})
    return await run
  }

  /** One journal line with every change so far; `sync`: fdatasynced (with any line written unsynced before). */
  private async writeJournal (sync: boolean): Promise<void> {
    const upTo = this.changes
    const docs = [...this.dirty]
    const ops = this.pending
    this.dirty = new Set()
    this.pending = []
    if (docs.length > 0 || ops.length > 0) {
      const texts = docs.map(d => [d, JSON.stringify({ schemaVersion: d.version, data: d.store.data })] as const)
      const body = `{"s":${++this.seq},"d":{${texts.map(([d, t]) => `${JSON.stringify(d.store.name)}:${t}`).join(',')}},"l":[${ops.map(o => o.json).join(',')}]}`
      try {
        await this.journal!.append(encodeRecord(body), sync)
      } catch (err) {
        for (const d of docs) this.dirty.add(d)
        this.pending = [...ops, ...this.pending]
        throw err
      }
      for (const [d, t] of texts) this.toWrite.set(d, t)
      this.committedOps.push(...ops)
    } else if (sync && this.writtenUpTo > this.durableUpTo) {
      this.journal!.sync()
    }
    this.writtenUpTo = Math.max(this.writtenUpTo, upTo)
    if (sync) this.durableUpTo = Math.max(this.durableUpTo, upTo)
    if (this.journal!.size >= this.opts.checkpointBytes) void this.checkpoint().catch(err => this.log?.error('storage: checkpoint failed', err))
    else if (this.toWrite.size > 0 || this.committedOps.length > 0) this.scheduleCheckpoint()
  }

  private scheduleCheckpoint (): void {
    if (this.checkpointTimer || this.closed) return
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined
      this.checkpoint().catch(err => this.log?.error('storage: checkpoint failed', err))
    }, this.opts.checkpointMs)
    this.checkpointTimer.unref()
  }

  // Commits go on while a checkpoint writes: the journal holding what it writes is sealed
  // (renamed) first and new commits go to a fresh one. A checkpoint that fails leaves its
  // sealed journal for the next start to replay, and no further checkpoint is tried.
  private async writeCheckpoint (): Promise<void> {
    const { docs, loose, ops, sealed } = await this.exclusive(async () => {
      clearTimeout(this.checkpointTimer)
      this.checkpointTimer = undefined
      const taken = { docs: [...this.toWrite], loose: [...this.dirtyLoose], ops: this.committedOps, sealed: this.journal!.size > 0 }
      this.toWrite.clear()
      this.dirtyLoose.clear()
      this.committedOps = []
      if (taken.sealed) await this.journal!.seal()
      return taken
    })
    try {
      await Promise.all([
        ...docs.map(async ([d, text]) => { d.low.data = text; await d.low.write() }),
        ...loose.map(async d => { d.low.data = JSON.stringify({ schemaVersion: d.version, data: d.store.data }); await d.low.write() })
      ])
      const byPartition = new Map<string, PendingOp[]>()
      for (const op of ops) {
        const key = `${op.log}\n${op.partition}`
        const group = byPartition.get(key)
        if (group) group.push(op)
        else byPartition.set(key, [op])
      }
      const dirs = new Set(await Promise.all([...byPartition.values()].map(async partOps => await this.writePartition(partOps))))
      for (const dir of dirs) await syncDirectory(dir)
      if (sealed) {
        await unlink(path.join(this.dir, SEALED))
        await syncDirectory(this.dir)
      }
    } catch (err) {
      this.checkpointBroken = true
      this.log?.error(`storage: checkpoint failed; commits stay in ${SEALED} and ${JOURNAL} and are replayed at the next start`, err)
      throw err
    }
  }

  /** Write a partition's committed changes into its file; returns the log's directory. */
  private async writePartition (ops: PendingOp[]): Promise<string> {
    const { log, partition } = ops[0]!
    const part = this.logParts.get(log)!.get(partition)!
    const dir = path.join(this.dir, log)
    const file = path.join(dir, `${partition}.jsonl`)
    let size = part.diskSize
    for (let i = 0; i < ops.length;) {
      const op = ops[i]!
      if (op.kind === 'append') {
        let j = i
        while (j < ops.length && ops[j]!.kind === 'append') j++
        const text = ops.slice(i, j).map(o => o.text).join('')
        await writeSynced(file, text, 'a')
        size += Buffer.byteLength(text)
        i = j
        continue
      }
      part.epoch++
      if (op.kind === 'replace') await writeDurable(file, op.text)
      else await unlink(file).catch(ignoreMissing)
      size = Buffer.byteLength(op.text)
      i++
    }
    part.tail.splice(0, ops.length)
    part.diskSize = size
    part.epoch++
    if (!part.present && part.tail.length === 0) this.logParts.get(log)!.delete(partition)
    return dir
  }
}
