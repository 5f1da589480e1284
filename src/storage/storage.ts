import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import type { Logger } from '../log/logger.js'
import { AppendLog, type Partition } from './append-log.js'
import { checkFiles, type DataFile, type DecodedDocument } from './check-files.js'
import { decodeDocument, decodeLog, StorageCorruptError, type DocumentFormat } from './decode-file.js'
import { lockDirectory } from './directory-lock.js'
import { DurableTextFile, syncDirectory } from './durable-file.js'
import { GroupCommit, type DocState } from './group-commit.js'
import { Journal, JOURNAL, SEALED } from './journal.js'
import { replayJournal } from './replay-journal.js'
import { Store, type ChangeSink, type PendingOp } from './store.js'
import { writeCommitted } from './write-checkpoint.js'

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
  /** Documents read and validated at start, each handed to its first open (so not read twice). */
  private readonly checkedDocs = new Map<string, DecodedDocument>()
  private readonly opening = new Map<string, Promise<Store<any>>>()
  private readonly logs = new Map<string, Promise<AppendLog<any>>>()
  private readonly logParts = new Map<string, Map<string, Partition>>()
  private readonly commits: GroupCommit
  private chain: Promise<unknown> = Promise.resolve()
  private checkpointTimer: NodeJS.Timeout | undefined
  private checkpointing: Promise<void> | undefined
  private checkpointBroken = false
  private closing: Promise<void> | undefined

  constructor (readonly dir: string, private readonly log?: Logger, options: StorageOptions = {}) {
    this.opts = { delayMs: 20, checkpointMs: 1000, checkpointBytes: 4 * 1024 * 1024, ...options }
    this.commits = new GroupCommit({
      journal: () => this.journal!,
      exclusive: async fn => await this.exclusive(fn),
      closed: () => this.closed,
      delayMs: this.opts.delayMs,
      written: () => {
        if (this.journal!.size >= this.opts.checkpointBytes) void this.checkpoint().catch(err => this.log?.error('storage: checkpoint failed', err))
        else if (this.commits.uncheckpointed) this.scheduleCheckpoint()
      },
      looseChanged: () => { this.scheduleCheckpoint() },
      dir,
      log
    })
  }

  /** Lock the directory, replay the journal, validate every known file. Idempotent. */
  async start (): Promise<void> {
    this.starting ??= this.init()
    await this.starting
  }

  /** Open (once per process; concurrent callers share it) the document `<dir>/<name>.json`. */
  async open<T> (name: string, init: () => T, options: StoreOptions<T>): Promise<Store<T>> {
    return await once(this.opening, name, async () => await this.openDocument(name, init, options)) as Store<T>
  }

  /** Open (once per process) the append-only log `<dir>/<name>/<partition>.jsonl`. */
  async openLog<E> (name: string, options: LogOptions): Promise<AppendLog<E>> {
    return await once(this.logs, name, async () => await this.openAppendLog(name, options)) as AppendLog<E>
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
  async commit (): Promise<void> { await this.commits.commit() }

  /**
   * What must hold before a message goes out: every change made before the call is in the
   * journal (a killed process loses none of it), and fdatasynced too unless all that is not
   * yet synced is light. So a confirmation, and whatever state a reply reads, survives a
   * power cut; a plain answer does not wait ~0.3 ms for the disk.
   */
  async commitBeforeSend (): Promise<void> { await this.commits.commitBeforeSend() }

  /** fdatasyncs of the journal a commit waited for so far (tests and the bench count them). */
  get journalSyncs (): number { return this.journal?.syncs ?? 0 }

  /** Changes that are not light so far: equal before and after a step means it changed nothing weighty. */
  get weightyChanges (): number { return this.commits.weightyChanges }

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
    this.commits.stopTimer()
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
    this.commits.stopTimer()
    clearTimeout(this.checkpointTimer)
    await this.chain
    await this.checkpointing?.catch(() => {})
    await this.journal?.close()
    await this.unlock?.()
    this.unlock = undefined
  }

  touch (store: Store<any>): void {
    const state = this.docs.get(store)
    if (state) this.commits.touch(state)
  }

  record (op: PendingOp): void { this.commits.record(op) }

  private async init (): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    this.unlock = await lockDirectory(this.dir)
    try {
      const replayed = await replayJournal(this.dir)
      if (replayed > 0) this.log?.warn(`storage: replayed ${replayed} committed change(s) from ${JOURNAL} after an interrupted run`)
      if (this.opts.files) {
        const bad = (await checkFiles(this.dir, this.opts.files, this.checkedDocs)).filter(r => !r.ok)
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
    let decoded = this.checkedDocs.get(name)
    this.checkedDocs.delete(name)
    if (!decoded) {
      // lowdb's read() cannot tell a missing file (start afresh) from an empty one (refuse).
      const text = await adapter.read()
      decoded = text === null ? undefined : decodeDocument(file, text, options)
    }
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
    const { committed, sealed } = await this.exclusive(async () => {
      clearTimeout(this.checkpointTimer)
      this.checkpointTimer = undefined
      const taken = { committed: this.commits.takeCommitted(), sealed: this.journal!.size > 0 }
      if (taken.sealed) await this.journal!.seal()
      return taken
    })
    try {
      await writeCommitted(this.dir, committed, this.logParts)
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
}

/** The one opening of `key` in flight or done; a failed one is forgotten, so it can be tried again. */
function once<V> (openings: Map<string, Promise<V>>, key: string, open: () => Promise<V>): Promise<V> {
  let opening = openings.get(key)
  if (!opening) {
    opening = open()
    openings.set(key, opening)
    opening.catch(() => openings.delete(key))
  }
  return opening
}
