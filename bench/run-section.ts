import { log as wechatyLog } from 'wechaty'

// Sections are imported on demand: a section's peak memory must not include the others' code.
const SECTIONS: Record<string, { run: () => Promise<Record<string, unknown>>, rss: string }> = {
  bot: { run: async () => await (await import('./bench-message-handling.js')).benchBot(), rss: 'bot_peak_rss_mb' },
  echo: { run: async () => await (await import('./bench-echo.js')).benchEcho(), rss: 'echo_peak_rss_mb' },
  questions: { run: async () => await (await import('./bench-questions.js')).benchQuestions(), rss: 'questions_peak_rss_mb' },
  complaints: { run: async () => await (await import('./bench-complaints.js')).benchComplaints(), rss: 'complaints_peak_rss_mb' },
  spreadsheets: { run: async () => await (await import('./bench-spreadsheets.js')).benchSpreadsheets(), rss: 'spreadsheets_bench_rss_mb' }
}

async function main (): Promise<void> {
  wechatyLog.level('silent')
  const section = SECTIONS[process.argv[2] ?? '']
  if (!section) throw new Error(`unknown section ${process.argv[2]}; one of ${Object.keys(SECTIONS).join(', ')}`)
  const result = await section.run()
  result[section.rss] = Math.round(process.resourceUsage().maxRSS / 1024)
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().then(() => process.exit(0), err => { process.stderr.write(String(err?.stack ?? err) + '\n'); process.exit(1) })
