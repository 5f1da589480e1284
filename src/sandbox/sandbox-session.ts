import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ManualClock } from '../clock/clock.js'
import { parseShanghai } from '../clock/shanghai-time.js'
import { createRuntime, type Runtime } from '../bot/create-runtime.js'
import { loadCompound } from '../config/load-compound.js'
import type { Options } from '../config/read-env-options.js'
import type { FeatureFactory } from '../app/types.js'
import type { Logger } from '../log/logger.js'
import { BOT, PEOPLE, ROOMS, type WorldRoom } from './demo-world.js'
import { MockWorld, type Sent } from './mock-world.js'
import { loadSandboxClock, saveSandboxClock } from './sandbox-clock.js'

export interface SandboxInput {
  options: Options
  features: FeatureFactory[]
  log: Logger
  /** Every message the bot sends, as it is sent. */
  print: (m: Sent) => void
  /** Notes from the sandbox itself (bad `:` commands), not from the bot. */
  notice: (text: string) => void
  /** Where the clock starts on fresh data (default: now); tests pin it so they never age. */
  start?: Date
  /** More people and groups on the mock puppet before login (the crash test's 20 owner groups). */
  setup?: (mocker: NonNullable<Runtime['mocker']>) => void
}

const HANDLED_TIMEOUT_MS = 30_000

/**
 * The sandbox: the real bot on the mock puppet, driven line by line. Used by `npm start`
 * without a WeChat account and by the end-to-end tests, so both see the same behaviour.
 */
export class SandboxSession {
  speaker = PEOPLE[0]!
  room: WorldRoom | undefined = ROOMS[0]

  private constructor (readonly runtime: Runtime, readonly clock: ManualClock, private readonly world: MockWorld,
    private readonly input: SandboxInput) {}

  static async open (input: SandboxInput): Promise<SandboxSession> {
    const { options } = input
    const clock = new ManualClock(await loadSandboxClock(options.storageDir, input.start ?? new Date()))
    const compound = await loadCompound(options.compoundFile)
    const runtime = await createRuntime({ options, compound, clock, log: input.log, features: input.features })
    const world = new MockWorld(runtime.mocker!, () => clock.now())
    world.onBotMessage(input.print)
    world.populate()
    input.setup?.(runtime.mocker!)
    await runtime.start()
    world.login()
    try {
      await runtime.ready
    } catch (err) {
      await runtime.stop()
      throw err
    }
    const session = new SandboxSession(runtime, clock, world, input)
    await session.settle()
    return session
  }

  get chatLabel (): string {
    return this.room ? this.room.topic : `私聊 ${BOT.name}`
  }

  /** Handle one input line; returns 'quit' after `:quit`. */
  async line (raw: string): Promise<'quit' | undefined> {
    const line = raw.trim()
    if (line === '') return
    if (!line.startsWith(':')) {
      await this.speak(line)
      return
    }
    const [cmd, ...rest] = line.split(/\s+/)
    const arg = rest.join(' ')
    if (cmd === ':quit') return 'quit'
    if (cmd === ':as') this.as(arg)
    else if (cmd === ':in') this.in(arg)
    else if (cmd === ':dm') this.room = undefined
    else if (cmd === ':clock') await this.moveClock(arg)
    else if (cmd === ':send') await this.send(arg)
    else this.input.notice(`未知的沙盒指令 ${cmd}。可用：:as 姓名、:in 群名、:dm、:clock YYYY-MM-DD HH:mm、:send 文件路径、:quit`)
  }

  async close (): Promise<void> {
    await this.settle()
    await saveSandboxClock(this.runtime.storage.dir, this.clock.now())
    await this.runtime.stop()
  }

  /** Wait until queued messages are out. */
  async settle (): Promise<void> {
    await this.runtime.outbox.drain()
  }

  private as (name: string): void {
    const person = PEOPLE.find(p => p.name === name)
    if (!person) this.input.notice(`沙盒里没有「${name}」。可选：${PEOPLE.map(p => p.name).join('、')}`)
    else this.speaker = person
  }

  private in (topic: string): void {
    const room = ROOMS.find(r => r.topic === topic)
    if (!room) this.input.notice(`沙盒里没有群「${topic}」。可选：${ROOMS.map(r => r.topic).join('、')}`)
    else this.room = room
  }

  private async moveClock (text: string): Promise<void> {
    const to = parseShanghai(text)
    if (!to) return this.input.notice('时间格式应为 YYYY-MM-DD HH:mm（北京时间），例如 :clock 2027-01-05 09:00')
    try {
      this.clock.set(to)
    } catch (err) {
      return this.input.notice((err as Error).message)
    }
    await saveSandboxClock(this.runtime.storage.dir, to)
    await this.runtime.tick()
    await this.settle()
  }

  private async send (file: string): Promise<void> {
    let base64: string
    try {
      base64 = (await readFile(file)).toString('base64')
    } catch {
      return this.input.notice(`读不到文件 ${file}`)
    }
    await this.deliver(this.world.say(this.speaker.id, { roomId: this.room?.id }, { name: path.basename(file), base64 }).id)
  }

  private async speak (text: string): Promise<void> {
    const mentions = this.room ? mentionedIds(text) : []
    await this.deliver(this.world.say(this.speaker.id, { roomId: this.room?.id }, text, mentions).id)
  }

  private async deliver (messageId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>(resolve => { timer = setTimeout(resolve, HANDLED_TIMEOUT_MS) })
    await Promise.race([this.runtime.handled(messageId), timeout])
    clearTimeout(timer)
    await this.settle()
  }
}

/** `@小区助手` and `@张阿姨` in a line become real mentions, as WeChat would send them. */
function mentionedIds (text: string): string[] {
  return [BOT, ...PEOPLE].filter(p => text.includes(`@${p.name}`)).map(p => p.id)
}
