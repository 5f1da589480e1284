import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// Each section runs in its own process, so its peak memory is its own (the 100,000-ticket
// fixture must not count against the bot's memory, nor the echo bot's against ours).
const SECTIONS = ['bot', 'echo', 'questions', 'complaints', 'spreadsheets'] as const

const TARGETS = {
  median_ratio_max: 1.5,
  bot_peak_rss_mb_max: 200,
  question_top1_min: 0.95,
  ticket_create_ratio_max: 2,
  hostile_spreadsheet_max_ms: 5000,
  hostile_spreadsheet_max_rss_mb: 150
}

function runSection (name: string): Record<string, unknown> {
  const script = fileURLToPath(new URL('./run-section.ts', import.meta.url))
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, name], { encoding: 'utf8', maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new Error(`bench section ${name} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>
}

const out: Record<string, any> = {}
for (const name of SECTIONS) Object.assign(out, runSection(name))
out.median_ratio = Math.round(out.message_ms.median / out.echo_message_ms.median * 100) / 100
out.peak_rss_mb = out.bot_peak_rss_mb
out.targets = TARGETS
process.stdout.write(JSON.stringify(out) + '\n')
