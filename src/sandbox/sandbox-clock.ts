import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'
import { readIfPresent, writeDurable } from '../storage/durable-file.js'

// The sandbox's clock survives a restart so a second run continues where the first stopped
// (time never runs backwards for the scheduler).
const FILE = 'sandbox-clock.json'

/** The saved time, or `fallback` when there is none yet or it is earlier. An unreadable file stops the start. */
export async function loadSandboxClock (dir: string, fallback: Date): Promise<Date> {
  const file = path.join(dir, FILE)
  const text = await readIfPresent(file)
  if (text === null) return fallback
  // An empty or damaged file is not a fresh start: guessing "now" could turn time back.
  let saved = new Date(NaN)
  try { saved = new Date((JSON.parse(text) as { now: string }).now) } catch {}
  if (Number.isNaN(saved.getTime())) {
    throw new StartupError(`沙盒时钟文件 ${file} 为空或已损坏，未启动。删除它，沙盒时间从现在开始；或用 --fresh 清空沙盒数据重新开始。`)
  }
  return saved < fallback ? fallback : saved
}

export async function saveSandboxClock (dir: string, now: Date): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeDurable(path.join(dir, FILE), JSON.stringify({ now: now.toISOString() }))
}
