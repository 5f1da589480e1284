import { randomInt } from 'node:crypto'
import cron from 'node-cron'
import { createRuntime } from './bot/create-runtime.js'
import { systemClock } from './clock/clock.js'
import { loadCompound } from './config/load-compound.js'
import type { Options } from './config/read-env-options.js'
import { allFeatures } from './features/index.js'
import type { Logger } from './log/logger.js'

/** A real start: the configured puppet, the system clock, a tick every minute. */
export async function runBot (options: Options, log: Logger): Promise<void> {
  const compound = await loadCompound(options.compoundFile)
  const hasChair = compound.roster.some(r => r.roles.includes('chair'))
  const bootstrapCode = hasChair ? undefined : String(randomInt(100000, 1000000))
  const runtime = await createRuntime({ options, compound, clock: systemClock, log, features: allFeatures({ bootstrapCode }) })
  if (bootstrapCode && runtime.app.roles.membersOf('chair').length === 0) {
    process.stderr.write(`还没有业委会主任。请主任私聊机器人发送：/认证 ${bootstrapCode}（一次性认证码）\n`)
  }
  const stopped = new Promise<void>(resolve => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  // Until the first login the connection retries by itself, logging each try; a stop
  // signal meanwhile still closes the data files cleanly.
  await runtime.start()
  const up = await Promise.race([runtime.ready.then(() => true), stopped.then(() => false)])
  const task = up ? cron.schedule('* * * * *', () => { void runtime.tick() }, { timezone: 'Asia/Shanghai', noOverlap: true }) : undefined
  if (up) await stopped
  await task?.stop()
  await runtime.stop()
}
