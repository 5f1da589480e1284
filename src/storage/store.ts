/** What a Store and an AppendLog tell their Storage (so they stay small and testable). */
export interface ChangeSink {
  touch (store: Store<any>): void
  record (op: PendingOp): void
  commit (): Promise<void>
}

/** A log change not yet written to its partition file (it is in the journal once committed). */
export interface PendingOp {
  log: string
  partition: string
  kind: 'append' | 'replace' | 'drop'
  /**
   * Bookkeeping no confirmation stands on (a seen id, a session, the queue marks of a plain
   * answer): it must reach the journal before a send, but needs no fdatasync of its own.
   */
  light?: boolean
  /** Its journal form. */
  json: string
  /** append: the line; replace: the whole new content. */
  text: string
}

/**
 * One JSON document file (`<dir>/<name>.json`), held in memory. `update` is synchronous, so
 * a read-modify-write inside it can never interleave with another handler's; the change is
 * journaled by the next commit (automatic within a few ms, or `await storage.commit()`).
 */
export class Store<T> {
  constructor (readonly name: string, public data: T, private readonly sink: ChangeSink, readonly durable = true) {}

  /** Mutate the data in one synchronous step (allocate numbers here, never across an await). */
  update (fn: (data: T) => void): void {
    try {
      fn(this.data)
    } finally {
      this.sink.touch(this)
    }
  }

  /** Same as `storage.commit()`: resolves when every change made so far is durable. */
  async flush (): Promise<void> { await this.sink.commit() }
}
