import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { END_MARKER, mixedLoad } from './production-load.js'
import { startFlags } from './start-flags.js'

// The production build exactly as `npm start` runs it (node, its V8 flags, scripts/start.mjs,
// dist/; no tsx), in its own process, on the sandbox's mock puppet; beside it an echo bot
// compiled the same way and run with the same flags.
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const START = new Date('2027-03-01T01:00:00Z') // a Monday, 09:00 in Shanghai
const RUNS = 5
// No account, no model: the sandbox, whatever a local .env says (dotenv never overrides).
const ENV = { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: '', WECHATY_PUPPET: '', OPENAI_API_KEY: '', LOG_LEVEL: 'warn' }

/** Idle means this long without a message (V8 returns memory once allocation stops). */
const IDLE_MS = 10_000

const FLAGS = startFlags()
const OURS = (dir: string) => [...FLAGS, path.join(ROOT, 'scripts', 'start.mjs'), '--data', dir, '--fresh', '--start', '2027-03-01 09:00']
const ECHO = () => [...FLAGS, path.join(ROOT, 'dist-bench', 'bench', 'echo-sandbox.js')]

export async function benchProduction (): Promise<Record<string, unknown>> {
  compile()
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-prod-'))
  try {
    const ours: Array<{ ms: number, cpuMs: number }> = []
    const echo: Array<{ ms: number, cpuMs: number }> = []
    for (let i = 0; i < RUNS; i++) {
      ours.push(await firstReply(OURS(dir)))
      echo.push(await firstReply(ECHO()))
    }
    const wall = { ours: median(ours.map(r => r.ms)), echo: median(echo.map(r => r.ms)) }
    const cpu = { ours: median(ours.map(r => r.cpuMs)), echo: median(echo.map(r => r.cpuMs)) }
    const load = mixedLoad(1000, START)
    const bot = await underLoad(OURS(dir), load)
    const bare = await underLoad(ECHO(), load)
    return {
      node_flags: FLAGS.join(' '),
      startup_ms: wall.ours,
      echo_startup_ms: wall.echo,
      startup_ratio: round(wall.ours / wall.echo),
      // CPU time to the first reply: the same comparison, less at the mercy of a busy machine
      startup_cpu_ratio: round(cpu.ours / cpu.echo),
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
  for (const args of [['scripts/build.mjs', '--if-stale'], ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json']]) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}${r.stderr}`)
  }
}

/** Process start → the first line the bot sends in reply to a greeting written at once. */
async function firstReply (args: string[]): Promise<{ ms: number, cpuMs: number }> {
  const t0 = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'ignore'] })
  child.stdin.write('@小区助手 你好\n')
  await waitFor(child.stdout, '小区助手: ')
  const ms = performance.now() - t0
  const cpuMs = await cpuTimeMs(child.pid!)
  child.stdin.end(':quit\n')
  await new Promise(resolve => child.once('exit', resolve))
  return { ms: Math.round(ms), cpuMs }
}

/**
 * RSS once started (after a first reply), after the load when idle again (IDLE_MS after the
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
  await sleep(IDLE_MS)
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

/** user + system time of a process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 10 ms). */
async function cpuTimeMs (pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
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
