import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'

export const LOCK = '.lock'
const TAKEOVER = '.lock.takeover'

/** Who holds a data directory: a random token names this hold; pid + start time name the process. */
export interface LockHolder { token: string, pid: number, started: string | null, host: string, since: string }

/**
 * One process per data directory. The lock file is created exclusively (a hard link of a
 * fully written temp file, so it is never seen half-written). A lock is stale only when its
 * process is gone: its pid is dead, or the pid now belongs to a process started at another
 * time (a reused pid; Linux /proc start time + boot id). Resolves to the release function.
 */
export async function lockDirectory (dir: string): Promise<() => Promise<void>> {
  const me: LockHolder = { token: randomBytes(12).toString('hex'), pid: process.pid, started: processStart(process.pid), host: hostname(), since: new Date().toISOString() }
  const file = path.join(dir, LOCK)
  const mine = `${file}.${me.token}`
  await writeFile(mine, JSON.stringify(me))
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(mine, file).catch(async (err: NodeJS.ErrnoException) => {
          // A file system without hard links: an exclusive create (a reader may then briefly see it empty).
          if (err.code === 'EEXIST') throw err
          await writeFile(file, JSON.stringify(me), { flag: 'wx' })
        })
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const holder = await readHolder(file)
      if (holder && !isStale(holder)) throw heldBy(dir, holder)
      if (attempt > 50) throw new StartupError(`无法取得数据目录 ${dir} 的锁（${LOCK} 无法读取或不断变化）。确认没有其他机器人在运行后删除 ${file}。`)
      if (holder) await takeOver(dir, holder)
      else await sleep(20) // being replaced right now, or unreadable: look again
    }
  } finally {
    await unlink(mine).catch(() => {})
  }
  return async () => {
    const holder = await readHolder(file)
    if (holder?.token === me.token) await unlink(file)
  }
}

function heldBy (dir: string, holder: LockHolder): StartupError {
  return new StartupError(`数据目录 ${dir} 正被另一个进程（pid ${holder.pid}，自 ${holder.since}）使用。请先停止它（例如正在运行的机器人），再执行本操作。`)
}

// Removing a stale lock must not race another process doing the same and then removing
// the fresh lock its winner just created: removal happens under a second exclusive file,
// and only if the lock still carries the stale token.
async function takeOver (dir: string, stale: LockHolder): Promise<void> {
  const guard = path.join(dir, TAKEOVER)
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    // Someone else is taking over; a guard older than a few seconds was left by a crash.
    const age = await stat(guard).then(s => Date.now() - s.mtimeMs, () => 0)
    if (age > 5000) await unlink(guard).catch(() => {})
    await sleep(10 + Math.random() * 20)
    return
  }
  try {
    const now = await readHolder(path.join(dir, LOCK))
    if (now?.token === stale.token) await unlink(path.join(dir, LOCK))
  } finally {
    await unlink(guard).catch(() => {})
  }
}

async function readHolder (file: string): Promise<LockHolder | undefined> {
  try {
    const text = await readFile(file, 'utf8')
    if (/^\d+$/.test(text.trim())) {
      // The old format (a bare pid): its process is the holder only if it started before the lock was written.
      const pid = Number(text)
      const written = (await stat(file)).mtimeMs
      const startedAt = processStartedAt(pid)
      const reused = startedAt !== null && startedAt > written + 1000
      return { token: `pid-${pid}-${written}`, pid: reused ? 0 : pid, started: null, host: hostname(), since: new Date(written).toISOString() }
    }
    const holder = JSON.parse(text) as LockHolder
    return typeof holder.token === 'string' && Number.isInteger(holder.pid) ? holder : undefined
  } catch {
    return undefined
  }
}

function isStale (holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false // another machine on a shared disk: cannot tell, so respect it
  if (!isAlive(holder.pid)) return true
  const started = processStart(holder.pid)
  return holder.started !== null && started !== null && started !== holder.started
}

function isAlive (pid: number): boolean {
  if (pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** "<boot id>:<start time in clock ticks>" of a process, or null where /proc does not exist. */
function processStart (pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    return `${boot}:${fields[19]}`
  } catch {
    return null
  }
}

/** When a process started (ms since the epoch), from /proc; null where that cannot be read. */
function processStartedAt (pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : null // USER_HZ is 100 on Linux
  } catch {
    return null
  }
}

const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))
