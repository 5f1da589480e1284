// `npm run --silent crash-test -- --cycles N`
// Runs the sandbox bot as a separate process on one data directory, kills it with SIGKILL at a
// random moment during complaint bursts, ticket actions or a statement broadcast to 20 owner
// groups, restarts it, and at the end checks every promise the bot made. Prints one JSON object:
// { cycles, confirmed, lost, duplicates, unreported_undelivered }.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { auditDelivery, type Delivered } from './crash-audit.js'
import { ownerId, groupId, OWNER_GROUPS, OWNERS } from './crash-world.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cyclesArg = process.argv.indexOf('--cycles')
const CYCLES = cyclesArg >= 0 ? Number(process.argv[cyclesArg + 1]) : 10
const seedArg = process.argv.indexOf('--seed')
let seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : Date.now() % 100_000
const random = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }

interface Child { process: ChildProcess, send: (c: object) => void, ready: Promise<void>, exited: Promise<void> }

function startChild (dataDir: string, compoundFile: string, log: Delivered[], cycle: number): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/crash-child.ts')], {
    cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, STORAGE_DIR: dataDir, COMPOUND_FILE: compoundFile, LOG_LEVEL: 'error' }
  })
  let markReady!: () => void
  const ready = new Promise<void>(resolve => { markReady = resolve })
  readline.createInterface({ input: child.stdout! }).on('line', line => {
    let event: { t: string, chat?: string, text?: string }
    try { event = JSON.parse(line) } catch { return }
    if (event.t === 'ready') markReady()
    if (event.t === 'sent') log.push({ chat: event.chat!, text: event.text!, cycle })
  })
  let stderr = ''
  child.stderr!.on('data', d => { stderr += String(d) })
  const exited = new Promise<void>(resolve => child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(`cycle ${cycle}: bot exited ${code ?? signal}\n${stderr.slice(-2000)}\n`)
    markReady()
    resolve()
  }))
  return { process: child, send: c => child.stdin!.write(JSON.stringify(c) + '\n'), ready, exited }
}

const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))
let place = 0
let owner = 0
/** the place each owner's complaint names, by the owner's name (each owner complains once) */
const placeOf = new Map<string, string>()
let asker = 0
/** owners who asked a plain question (each asks once; numbered down from the last owner) */
const askers = new Set<string>()

/** One of three workloads, all sent at once as Wechaty would deliver them. */
async function workload (child: Child, kind: number, cycle: number, log: Delivered[], csv: (n: number) => Promise<string>): Promise<void> {
  if (kind === 0) {
    for (let i = 0; i < 15; i++) {
      place++
      const where = `${Math.floor(place / 9) + 1}号楼${(place % 9) + 1}单元`
      const n = (owner++ % 300) + 1
      placeOf.set(`业主${n}`, where)
      child.send({ op: 'say', talker: ownerId(n), room: groupId(place % OWNER_GROUPS), text: `报修 ${where}楼道灯坏了，晚上看不见` })
      // Plain questions among the complaints: their answers are light (not fdatasynced before
      // they go), and must not be sent twice either.
      if (i % 3 === 0) {
        const a = OWNERS - (asker++ % 100)
        askers.add(`业主${a}`)
        child.send({ op: 'say', talker: ownerId(a), room: groupId(a % OWNER_GROUPS), text: '@小区助手 业委会多久开一次会？', mention: true })
      }
    }
  } else if (kind === 1) {
    const open = [...new Set(log.flatMap(m => [...m.text.matchAll(/已登记(?:工单)? #(\d+)/g)].map(x => Number(x[1]))))]
    for (const no of open.slice(-8)) child.send({ op: 'say', talker: 'wxid_liu_jingli', room: 'yangguang-property@chatroom', text: `/受理 ${no}` })
  } else {
    child.send({ op: 'line', line: ':as 钱委员' })
    child.send({ op: 'line', line: ':dm' })
    child.send({ op: 'line', line: `:send ${await csv(cycle)}` })
    child.send({ op: 'line', line: ':as 赵主任' })
    child.send({ op: 'line', line: `/公示 发布 第${cycle}次更正利息收入` })
  }
}

async function main (): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-crash-'))
  const dataDir = path.join(dir, 'data')
  const compoundFile = path.join(dir, 'compound.yaml')
  const yaml = await readFile(path.join(ROOT, 'config/compound.yaml'), 'utf8')
  await writeFile(compoundFile, yaml.replace(/owner_groups:\n\s+- room_topic: .*\n/, 'owner_groups:\n  - room_topic: /^阳光花园.*业主群$/\n'))
  const fixture = await readFile(path.join(ROOT, 'test/fixtures/ledger-2026H2.csv'), 'utf8')
  const csv = async (n: number): Promise<string> => {
    const file = path.join(dir, `账目-${n}.csv`)
    await writeFile(file, fixture.replace('"3,170.25"', `"${3000 + n}.25"`))
    return file
  }
  const log: Delivered[] = []
  let startFailures = 0
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const child = startChild(dataDir, compoundFile, log, cycle)
    await child.ready
    if (child.process.exitCode !== null) startFailures++
    await workload(child, (cycle - 1) % 3, cycle, log, csv)
    await sleep(Math.floor(random() * 2500))
    child.process.kill('SIGKILL')
    await child.exited
    if (process.env.CRASH_DEBUG !== undefined) process.stderr.write(`cycle ${cycle} (kind ${(cycle - 1) % 3}): ${log.filter(m => m.cycle === cycle).length} delivered\n${log.filter(m => m.cycle === cycle).slice(0, 6).map(m => `  ${m.chat}: ${m.text.slice(0, 60)}`).join('\n')}\n`)
  }
  // A last clean run: everything still queued goes out, then each promise is checked.
  const final = startChild(dataDir, compoundFile, log, CYCLES + 1)
  await final.ready
  if (final.process.exitCode !== null) startFailures++
  await sleep(2000) // let the queue drain
  const queries = await auditDelivery(log, placeOf, askers, async (talker, room, text) => {
    const before = log.length
    final.send({ op: 'say', talker, room, text })
    for (let i = 0; i < 100 && log.length === before; i++) await sleep(50)
    await sleep(100)
    return log.slice(before).map(m => m.text).join('\n')
  })
  final.process.stdin!.end()
  await final.exited
  await rm(dir, { recursive: true, force: true })
  process.stdout.write(JSON.stringify({ cycles: CYCLES, ...queries, start_failures: startFailures }) + '\n')
}

main().catch(err => { process.stderr.write(String((err as Error).stack ?? err) + '\n'); process.exit(1) })
