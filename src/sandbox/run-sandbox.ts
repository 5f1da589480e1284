import path from 'node:path'
import readline from 'node:readline'
import { parseShanghai } from '../clock/shanghai-time.js'
import { OptionsError, type Options } from '../config/read-env-options.js'
import { allFeatures } from '../features/index.js'
import type { Logger } from '../log/logger.js'
import { clearDirectory } from '../storage/clear-directory.js'
import { formatBlock } from './format-block.js'
import { SandboxSession } from './sandbox-session.js'

export interface SandboxArgs { dataDir?: string, fresh: boolean, spacing: boolean, start?: Date }

export function parseSandboxArgs (argv: string[]): SandboxArgs {
  const value = (flag: string) => { const at = argv.indexOf(flag); return at >= 0 ? argv[at + 1] : undefined }
  const start = value('--start')
  const startAt = start === undefined ? undefined : parseShanghai(start)
  if (start !== undefined && startAt === undefined) throw new OptionsError(`--start 的时间格式应为 "YYYY-MM-DD HH:mm"，收到「${start}」`)
  return { dataDir: value('--data'), fresh: argv.includes('--fresh'), spacing: argv.includes('--spacing'), start: startAt }
}

/** The terminal chat: reads lines from stdin (a terminal or a pipe) and prints what the bot sends. */
export async function runSandbox (base: Options, args: SandboxArgs, log: Logger): Promise<void> {
  const storageDir = path.resolve(args.dataDir ?? path.join(base.storageDir, 'sandbox'))
  // Locked before anything is deleted: refuses while a bot runs on this directory.
  if (args.fresh) await clearDirectory(storageDir)
  const options: Options = {
    ...base,
    storageDir,
    // Outbox spacing protects a real account from bans; in the sandbox it only slows you down.
    outbox: args.spacing ? base.outbox : { spacingMs: 0, jitterMs: 0, perMinute: 0 }
  }
  const colour = process.stdout.isTTY === true
  const session = await SandboxSession.open({
    options,
    features: allFeatures(),
    log,
    print: m => process.stdout.write(formatBlock(m, options.botName, colour) + '\n'),
    notice: text => process.stderr.write(`（沙盒）${text}\n`),
    start: args.start
  })
  const interactive = process.stdin.isTTY === true
  if (interactive) {
    process.stderr.write(`沙盒已启动，数据目录 ${storageDir}。以 ${session.speaker.name} 的身份在「${session.chatLabel}」发言；:as 换人，:in 换群，:dm 私聊，:clock 拨时间，:send 发文件，:quit 退出。\n`)
  }
  const rl = readline.createInterface({ input: process.stdin, terminal: false })
  const prompt = () => { if (interactive) process.stderr.write(`${session.speaker.name}@${session.chatLabel}> `) }
  prompt()
  for await (const line of rl) {
    if (await session.line(line) === 'quit') break
    prompt()
  }
  rl.close()
  await session.close()
}
