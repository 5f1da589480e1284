import { describe, expect, it } from 'vitest'
import { freePort, Gateway, startBot, stopAfterEach, until } from './gateway-harness.js'
import { MISCONFIGURATIONS } from './misconfigurations.js'

// Each mistake used to hang silently. Now the bot, at the default log level, says within
// 30 s in one Chinese line what is wrong and how to fix it, and keeps retrying.

const started = stopAfterEach()

describe('a misconfigured bot says why it cannot connect', () => {
  for (const m of MISCONFIGURATIONS) {
    it(m.name, async () => {
      const port = await freePort()
      if (m.gateway) {
        started.gateway = new Gateway(port, m.gateway)
        await started.gateway.start()
      }
      started.bot = await startBot(`127.0.0.1:${port}`, { env: m.env })
      await until('the diagnosis', () => started.bot!.logs.some(l => m.says.test(l)), 30_000)
      const line = started.bot.logs.find(l => m.says.test(l))!
      expect(line).toMatch(/ WARN 连接微信网关失败：.*重连（第 1 次）$/)
      expect(line.split('\n')).toHaveLength(1)
    })
  }
})
