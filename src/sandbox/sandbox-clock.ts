import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

// The sandbox's clock survives a restart so a second run continues where the first stopped
// (time never runs backwards for the scheduler).
const FILE = 'sandbox-clock.json'

export async function loadSandboxClock (dir: string, fallback: Date): Promise<Date> {
  try {
    const saved = new Date((JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as { now: string }).now)
    return Number.isNaN(saved.getTime()) || saved < fallback ? fallback : saved
  } catch {
    return fallback
  }
}

export async function saveSandboxClock (dir: string, now: Date): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, FILE), JSON.stringify({ now: now.toISOString() }))
}
