import 'dotenv/config'
import { log as wechatyLog } from 'wechaty'
import { StartupError } from './app/startup-error.js'
import { readOptions } from './config/read-env-options.js'
import { createLogger } from './log/logger.js'
import { runBot } from './run-bot.js'
import { parseSandboxArgs, runSandbox } from './sandbox/run-sandbox.js'

/** `npm start`: real WeChat when a puppet is configured, otherwise the local sandbox. */
async function main (): Promise<void> {
  const options = readOptions()
  const log = createLogger(options.puppet.kind === 'sandbox' && options.logLevel === 'info' ? 'warn' : options.logLevel)
  wechatyLog.level(options.logLevel === 'debug' ? 'verbose' : 'silent')
  if (options.puppet.kind === 'sandbox') {
    process.stderr.write('未配置微信账号：启动本地沙盒。连接真实微信请在 .env 设置 WECHATY_PUPPET_SERVICE_TOKEN 与 WECHATY_PUPPET_SERVICE_ENDPOINT（见 README「连接真实微信」）。\n')
    await runSandbox(options, parseSandboxArgs(process.argv.slice(2)), log)
    return
  }
  await runBot(options, log)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known = err instanceof StartupError
    process.stderr.write(`启动失败：${known ? (err as Error).message : (err as Error).stack ?? String(err)}\n（npm run doctor 可逐项检查设置、小区配置、数据目录与网关）\n`)
    process.exit(1)
  }
)
