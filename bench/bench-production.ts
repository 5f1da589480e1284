import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { END_MARKER, mixedLoad } from './production-load.js'

// The production build as `npm start` runs it (node dist/main.js, no tsx), in its own
// process, on the sandbox's mock puppet; beside it an echo bot compiled the same way.
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const START = new Date('2027-03-01T01:00:00Z') // a Monday, 09:00 in Shanghai
const RUNS = 5
// No account, no model: the sandbox, whatever a local .env says (dotenv never overrides).
const ENV = { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: '', WECHATY_PUPPET: '', OPENAI_API_KEY: '', LOG_LEVEL: 'warn' }

const OURS = (dir: string) => [path.join(ROOT, 'dist', 'main.js'), '--data', dir, '--fresh', '--start', '2027-03-01 09:00']
const ECHO = () => [path.join(ROOT, 'dist-bench', 'bench', 'echo-sandbox.js')]

export async function benchProduction (): Promise<Record<string, unknown>> {
  compile()
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-prod-'))
  try {
    const ours: number[] = []
    const echo: number[] = []
    for (let i = 0; i < RUNS; i++) {
      ours.push(await firstReplyMs(OURS(dir)))
      echo.push(await firstReplyMs(ECHO()))
    }
    const load = mixedLoad(1000, START)
    const bot = await underLoad(OURS(dir), load)
    const bare = await underLoad(ECHO(), load)
    return {
      startup_ms: median(ours),
      echo_startup_ms: median(echo),
      startup_ratio: round(median(ours) / median(echo)),
      rss_start_mb: bot.startMb,
      rss_idle_mb: bot.idleMb,
      rss_peak_mb: bot.peakMb,
      echo_rss_idle_mb: bare.idleMb,
      echo_rss_peak_mb: bare.peakMb,
      production_load_s: bot.seconds
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function compile (): void {
  for (const args of [['scripts/build.mjs'], ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json']]) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}${r.stderr}`)
  }
}

/** Process start → the first line the bot sends in reply to a greeting written at once. */
async function firstReplyMs (args: string[]): Promise<number> {
  const t0 = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'ignore'] })
  child.stdin.write('@小区助手 你好\n')
  await waitFor(child.stdout, '小区助手: ')
  const ms = performance.now() - t0
  child.stdin.end(':quit\n')
  await new Promise(resolve => child.once('exit', resolve))
  return Math.round(ms)
}

/**
 * RSS once started (after a first reply), after the load when idle again (2 s after the
 * end marker, which the sandbox reaches only once every earlier line is handled and sent),
 * and the peak (VmHWM) over the whole run.
 */
async function underLoad (args: string[], lines: string[]): Promise<{ startMb: number, idleMb: number, peakMb: number, seconds: number }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] })
  child.stdout.resume()
  child.stdin.write('@小区助手 你好\n')
  await waitFor(child.stdout, '小区助手: ')
  await sleep(1000)
  const startMb = (await status(child.pid!)).rss
  const t0 = performance.now()
  const ended = waitFor(child.stderr, `「${END_MARKER}」`)
  child.stdin.write(lines.join('\n') + '\n')
  await ended
  const seconds = round((performance.now() - t0) / 1000)
  await sleep(2000)
  const { rss: idleMb, hwm: peakMb } = await status(child.pid!)
  child.stdin.end(':quit\n')
  await new Promise(resolve => child.once('exit', resolve))
  return { startMb, idleMb, peakMb, seconds }
}

async function status (pid: number): Promise<{ rss: number, hwm: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN)
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) }
}

async function waitFor (stream: NodeJS.ReadableStream, text: string): Promise<void> {
  let seen = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096)
      if (seen.includes(text)) { stream.off('data', onData); resolve() }
    }
    stream.on('data', onData)
    stream.once('end', () => { reject(new Error(`stream ended before「${text}」:\n${seen}`)) })
  })
}

const sleep = async (ms: number) => await new Promise(resolve => setTimeout(resolve, ms))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number) => Math.round(x * 100) / 100
