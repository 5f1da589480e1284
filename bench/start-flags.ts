import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const PACKAGE = fileURLToPath(new URL('../package.json', import.meta.url))

/** The node flags of package.json's `start` script (`node FLAGS scripts/start.mjs`): how the bot runs. */
export function startFlags (): string[] {
  const start = (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? ''
  const m = /^node\s+(.*?)\s*scripts\/start\.mjs$/.exec(start)
  if (!m) throw new Error(`package.json start is not "node [FLAGS] scripts/start.mjs": ${start}`)
  return m[1]!.split(/\s+/).filter(Boolean)
}
