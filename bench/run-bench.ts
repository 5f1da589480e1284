import { log as wechatyLog } from 'wechaty'
import { benchMessageHandling } from './bench-message-handling.js'

// Each section measures one capability and returns its fields; all go into one JSON object.
const SECTIONS: Array<() => Promise<Record<string, unknown>>> = [
  benchMessageHandling
]

async function main (): Promise<void> {
  wechatyLog.level('silent')
  const result: Record<string, unknown> = {}
  for (const section of SECTIONS) Object.assign(result, await section())
  result.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024)
  result.targets = { median_ratio_max: 1.5, peak_rss_mb_max: 200 }
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().then(() => process.exit(0), err => { process.stderr.write(String(err?.stack ?? err) + '\n'); process.exit(1) })
