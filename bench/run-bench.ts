import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startFlags } from './start-flags.js'

// Each section runs in its own process, so its peak memory is its own (the 100,000-ticket
// fixture must not count against the bot's memory, nor the echo bot's against ours), with
// the V8 flags `npm start` gives the bot; the echo bot gets them too, so ratios compare like
// with like. (Under tsx, still: ~50 MB more than the production section's build.)
const ALL = ['bot', 'echo', 'questions', 'complaints', 'burst', 'chatter', 'growth_empty', 'growth_full', 'spreadsheets', 'production'] as const
// `npm run bench -- chatter echo` runs only those sections (the ratios need their pairs).
const SECTIONS = process.argv.length > 2 ? process.argv.slice(2) : ALL

// Issue 8: durable (fsynced) writes within 10× a bare echo bot; chatter within 1.3×; growth
// to 100k tickets/audit entries/sessions and 1M seen ids within 1.2×; bursts lose nothing.
const TARGETS = {
  median_ratio_max: 10,
  chatter_ratio_max: 1.3,
  growth_ratio_max: 1.2,
  burst_100_complaints: { stored: 100, distinct_numbers: 100, cards: 100 },
  bot_peak_rss_mb_max: 200,
  question_top1_min: 0.95,
  ticket_create_ratio_max: 2,
  hostile_spreadsheet_max_ms: 5000,
  hostile_spreadsheet_max_rss_mb: 150,
  // production build (npm start's node and flags, dist/), 1,000 mixed messages on the mock puppet
  rss_idle_mb_max: 150,
  rss_peak_mb_max: 180,
  startup_ratio_max: 1.5
}

function runSection (name: string): Record<string, unknown> {
  const script = fileURLToPath(new URL('./run-section.ts', import.meta.url))
  const r = spawnSync(process.execPath, [...startFlags(), '--import', 'tsx', script, name], { encoding: 'utf8', maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new Error(`bench section ${name} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>
}

// The growth pair compares two processes whose medians each move ±20 % from run to run
// (machine state, not the data): the pair runs twice, alternating, and each side's medians
// are averaged. Every run's median is kept in `runs`.
const PAIR = ['growth_empty', 'growth_full'] as const
const plan: string[] = SECTIONS.flatMap((n): string[] => n === PAIR[0] && SECTIONS.includes(PAIR[1]) ? [...PAIR, ...PAIR] : n === PAIR[1] && SECTIONS.includes(PAIR[0]) ? [] : [n])
const results = new Map<string, Array<Record<string, unknown>>>()
for (const name of plan) results.set(name, [...results.get(name) ?? [], runSection(name)])
const out: Record<string, any> = {}
for (const [name, [first, ...more]] of results) {
  Object.assign(out, first)
  if (more.length === 0) continue
  const key = `${name}_ms`
  const runs = [first!, ...more].map(r => (r[key] as { median: number }).median)
  out[key] = { ...out[key], median: Math.round(runs.reduce((a, b) => a + b) / runs.length * 1000) / 1000, runs }
}
const ratio = (a: { median: number } | undefined, b: { median: number } | undefined) =>
  a && b ? Math.round(a.median / b.median * 100) / 100 : undefined
out.median_ratio = ratio(out.message_ms, out.echo_message_ms)
// no target: what a confirmation costs with its fdatasync, against the same echo bot
out.confirmation_ratio = ratio(out.confirmation_ms, out.echo_message_ms)
out.chatter_ratio = ratio(out.chatter_ms, out.echo_chatter_ms)
out.growth_ratio = ratio(out.growth_full_ms, out.growth_empty_ms)
out.peak_rss_mb = out.bot_peak_rss_mb
out.targets = TARGETS
process.stdout.write(JSON.stringify(out) + '\n')
