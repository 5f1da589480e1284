import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'

const LOCK = '.lock'

/**
 * One process per data directory: lowdb rewrites whole files, so a second writer (a second
 * bot, or `npm run ledger` while the bot runs) would silently undo the first one's changes.
 * A lock left by a process that no longer exists is taken over.
 */
export function lockDirectory (dir: string): () => void {
  const file = path.join(dir, LOCK)
  const holder = readHolder(file)
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new StartupError(`数据目录 ${dir} 正被另一个进程（pid ${holder}）使用。请先停止它（例如正在运行的机器人），再执行本操作。`)
  }
  writeFileSync(file, String(process.pid))
  return () => {
    if (readHolder(file) === process.pid) unlinkSync(file)
  }
}

function readHolder (file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
