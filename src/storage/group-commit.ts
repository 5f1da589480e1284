import type { Low } from 'lowdb'
import type { Logger } from '../log/logger.js'
import { encodeRecord, type Journal } from './journal.js'
import type { PendingOp, Store } from './store.js'

/** A document as the storage keeps it: its store, its file (one Low per file), its schema version. */
export interface DocState { store: Store<any>, low: Low<string>, version: number }

/** What is journaled but not yet in the data files: the checkpoint's work. */
export interface Committed {
  /** documents with the text the journal holds for them */
  docs: Array<[DocState, string]>
  /** documents that are not journaled (caches), written as they are now */
  loose: DocState[]
  ops: PendingOp[]
}

export interface GroupCommitOptions {
  /** the open journal (it survives a seal, so it is asked for each time) */
  journal: () => Journal
  /** runs journal writes and the checkpoint's seal one at a time */
  exclusive: <R>(fn: () => Promise<R>) => Promise<R>
  closed: () => boolean
  /** an automatic commit follows a change within this many ms */
  delayMs: number
  /** after each journal write: the checkpoint decides whether it is due */
  written: () => void
  /** a loose document changed: the next checkpoint writes it */
  looseChanged: () => void
  dir: string
  log?: Logger
}

/**
 * The commits of one storage. Changes are counted as they are made: `writtenUpTo` of them
 * are in the journal file, `durableUpTo` fdatasynced; `lastWeighty` is the count at the last
 * change that is not light (see PendingOp.light). Callers arriving together share one write.
 */
export class GroupCommit {
  private dirty = new Set<DocState>()
  private readonly dirtyLoose = new Set<DocState>()
  private pending: PendingOp[] = []
  private changes = 0
  private lastWeighty = 0
  private writtenUpTo = 0
  private durableUpTo = 0
  private flushing: Promise<void> | undefined
  private writing: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined
  private seq = 0
  // Journaled but not yet in the data files.
  private readonly toWrite = new Map<DocState, string>()
  private committedOps: PendingOp[] = []

  constructor (private readonly o: GroupCommitOptions) {}

  /** Changes that are not light so far: equal before and after a step means it changed nothing weighty. */
  get weightyChanges (): number { return this.lastWeighty }

  /** Whether anything waits for the checkpoint. */
  get uncheckpointed (): boolean { return this.toWrite.size > 0 || this.committedOps.length > 0 || this.dirtyLoose.size > 0 }

  touch (doc: DocState): void {
    if (doc.store.durable) {
      this.dirty.add(doc)
      this.changed(true)
    } else {
      this.dirtyLoose.add(doc)
      this.o.looseChanged()
    }
  }

  record (op: PendingOp): void {
    this.pending.push(op)
    this.changed(op.light !== true)
  }

  /** Resolves once every change made before the call is durable (fdatasynced). */
  async commit (): Promise<void> {
    const target = this.changes
    while (this.durableUpTo < target) {
      if (this.o.closed()) {
        // A handler still running while the bot stops: nothing can be saved any more, and
        // nothing will be sent either (the outbox is paused before the storage closes).
        this.o.log?.warn(`storage: commit after close (${this.o.dir}); the change is not saved`)
        return
      }
      this.flushing ??= this.o.exclusive(async () => await this.write(true)).finally(() => { this.flushing = undefined })
      await this.flushing
    }
  }

  /** Every change made before the call written; fdatasynced too unless all not yet synced is light. */
  async commitBeforeSend (): Promise<void> {
    if (this.lastWeighty > this.durableUpTo) return await this.commit()
    const target = this.changes
    while (this.writtenUpTo < target) {
      if (this.o.closed()) return await this.commit() // warns, as a commit after close does
      this.writing ??= this.o.exclusive(async () => await this.write(false)).finally(() => { this.writing = undefined })
      await this.writing
    }
  }

  /** Hand what is journaled (and the loose documents) to the checkpoint; inside `exclusive`. */
  takeCommitted (): Committed {
    const taken = { docs: [...this.toWrite], loose: [...this.dirtyLoose], ops: this.committedOps }
    this.toWrite.clear()
    this.dirtyLoose.clear()
    this.committedOps = []
    return taken
  }

  stopTimer (): void { clearTimeout(this.timer) }

  private changed (weighty: boolean): void {
    this.changes++
    if (weighty) this.lastWeighty = this.changes
    if (this.o.closed()) return
    // Light changes alone are only written: the checkpoint a second later makes them durable.
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      this.commitBeforeSend().catch(err => this.o.log?.error('storage: commit failed', err))
    }, this.o.delayMs)
  }

  /** One journal line with every change so far; `sync`: fdatasynced (with any line written unsynced before). */
  private async write (sync: boolean): Promise<void> {
    const upTo = this.changes
    const docs = [...this.dirty]
    const ops = this.pending
    this.dirty = new Set()
    this.pending = []
    if (docs.length > 0 || ops.length > 0) {
      const texts = docs.map(d => [d, JSON.stringify({ schemaVersion: d.version, data: d.store.data })] as const)
      const body = `{"s":${++this.seq},"d":{${texts.map(([d, t]) => `${JSON.stringify(d.store.name)}:${t}`).join(',')}},"l":[${ops.map(o => o.json).join(',')}]}`
      try {
        await this.o.journal().append(encodeRecord(body), sync)
      } catch (err) {
        for (const d of docs) this.dirty.add(d)
        this.pending = [...ops, ...this.pending]
        throw err
      }
      for (const [d, t] of texts) this.toWrite.set(d, t)
      for (const op of ops) this.committedOps.push(op) // not push(...ops): a commit can hold more than a call takes
    } else if (sync && this.writtenUpTo > this.durableUpTo) {
      this.o.journal().sync()
    }
    this.writtenUpTo = Math.max(this.writtenUpTo, upTo)
    if (sync) this.durableUpTo = Math.max(this.durableUpTo, upTo)
    this.o.written()
  }
}
