import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HOSTILE } from '../test/fixtures/hostile-spreadsheets.js'

// Each hostile file is parsed in a process of its own, so its time and peak memory are its
// own (the target: refused with a reason within 5 s and under 150 MB RSS).
export async function benchSpreadsheets (): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-sheets-'))
  const script = fileURLToPath(new URL('./parse-one-spreadsheet.ts', import.meta.url))
  const results: Record<string, { ms: number, rss_mb: number, refused: boolean }> = {}
  for (const [kind, { make }] of Object.entries(HOSTILE)) {
    const file = path.join(dir, `${kind}.xlsx`)
    await writeFile(file, await make())
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`parsing ${kind} failed:\n${r.stderr}`)
    results[kind] = JSON.parse(r.stdout.trim().split('\n').at(-1)!)
  }
  await rm(dir, { recursive: true, force: true })
  const all = Object.values(results)
  return {
    hostile_spreadsheets: results,
    hostile_spreadsheet_max_ms: Math.max(...all.map(r => r.ms)),
    hostile_spreadsheet_max_rss_mb: Math.max(...all.map(r => r.rss_mb)),
    hostile_spreadsheets_all_refused: all.every(r => r.refused)
  }
}
