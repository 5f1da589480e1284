import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { TextFile } from 'lowdb/node'
import type { Logger } from '../log/logger.js'
import { StartupError } from '../app/startup-error.js'
import { lockDirectory } from './directory-lock.js'

export class StorageCorruptError extends StartupError {}

interface Envelope { schemaVersion: number, data: unknown }

export interface StoreOptions {
  /** Current schema version of this file (default 1). */
  version?: number
  /** `migrations[v]` turns version v data into version v + 1. */
  migrations?: Record<number, (data: any) => unknown>
  /**
   * false: written on the batch timer only, not by `flushAll()` before a send. For caches
   * whose last few entries may be lost in a crash (the seen-message ids).
   */
  durable?: boolean
}

/**
 * One JSON file under the storage directory. Changes are made in memory and written in
 * batches (each write rewrites the whole file); `flush()` forces the write.
 */
export class Store<T> {
  private timer: NodeJS.Timeout | undefined
  private dirty = false

  constructor (readonly name: string, private readonly low: Low<string>, public data: T, private readonly version: number,
    private readonly delayMs: number, readonly durable = true) {}

  /** Mutate the data; the file is written within `delayMs`, together with other changes. */
  update (fn: (data: T) => void): void {
    fn(this.data)
    this.dirty = true
    this.timer ??= setTimeout(() => { void this.flush() }, this.delayMs)
  }

  async flush (): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (!this.dirty) return
    this.dirty = false
    this.low.data = JSON.stringify({ schemaVersion: this.version, data: this.data } satisfies Envelope)
    await this.low.write()
  }
}

export class Storage {
  private readonly stores = new Map<string, Store<any>>()
  private unlock: (() => void) | undefined

  constructor (readonly dir: string, private readonly log?: Logger, private readonly delayMs = 50) {}

  /** Open (once per process) the file `<dir>/<name>.json`. */
  async open<T> (name: string, init: () => T, options: StoreOptions = {}): Promise<Store<T>> {
    const existing = this.stores.get(name)
    if (existing) return existing as Store<T>
    await mkdir(this.dir, { recursive: true })
    this.unlock ??= lockDirectory(this.dir)
    const file = path.join(this.dir, `${name}.json`)
    const low = new Low(new TextFile(file), '')
    await low.read()
    const version = options.version ?? 1
    const decoded = low.data ? await this.decode<T>(file, low.data, version, options) : undefined
    const store = new Store<T>(name, low, decoded ? decoded.data : init(), version, this.delayMs, options.durable ?? true)
    if (decoded?.migrated) store.update(() => {})
    this.stores.set(name, store)
    return store
  }

  /** Write every changed durable file; called before a confirmation leaves the outbox. */
  async flushAll (): Promise<void> {
    await Promise.all([...this.stores.values()].filter(s => s.durable).map(async s => await s.flush()))
  }

  /** Write everything, caches included, and let another process have the directory (on stop). */
  async close (): Promise<void> {
    await Promise.all([...this.stores.values()].map(async s => await s.flush()))
    this.unlock?.()
    this.unlock = undefined
  }

  private async decode<T> (file: string, text: string, version: number, options: StoreOptions): Promise<{ data: T, migrated: boolean }> {
    let envelope: Envelope
    try {
      envelope = JSON.parse(text) as Envelope
      if (typeof envelope?.schemaVersion !== 'number' || !('data' in envelope)) throw new Error('缺少 schemaVersion 或 data')
    } catch (err) {
      // Never overwrite what we could not read: stop, and point at the last good copy.
      throw new StorageCorruptError(`数据文件 ${file} 无法读取（${(err as Error).message}）。` +
        `为防止数据丢失，机器人已停止启动，该文件未做任何改动。上一次正常的副本：${file}.last-good（如存在）。修复或替换该文件后再启动。`)
    }
    if (envelope.schemaVersion > version) {
      throw new StorageCorruptError(`数据文件 ${file} 的版本 ${envelope.schemaVersion} 比程序支持的版本 ${version} 新，请升级程序。`)
    }
    await copyFile(file, `${file}.last-good`)
    let data = envelope.data
    for (let v = envelope.schemaVersion; v < version; v++) {
      const migrate = options.migrations?.[v]
      if (!migrate) throw new StorageCorruptError(`数据文件 ${file}: 缺少从版本 ${v} 升级的迁移步骤。`)
      data = migrate(data)
      this.log?.info(`storage: migrated ${path.basename(file)} from v${v} to v${v + 1}`)
    }
    return { data: data as T, migrated: envelope.schemaVersion < version }
  }
}
