// The bot under the crash test: the real sandbox session on one data directory, with 20
// owner groups and 300 owners. Every message the bot delivers is written to stdout at once
// (a synchronous write, so a SIGKILL right after a delivery still leaves its line), and
// JSON commands are read from stdin without waiting for one to be handled before the next,
// as Wechaty delivers messages.
import { writeSync } from 'node:fs'
import readline from 'node:readline'
import { types } from 'wechaty-puppet'
import { readOptions } from '../src/config/read-env-options.js'
import { allFeatures } from '../src/features/index.js'
import { createLogger } from '../src/log/logger.js'
import { BOT } from '../src/sandbox/demo-world.js'
import type { MockWorld } from '../src/sandbox/mock-world.js'
import { SandboxSession } from '../src/sandbox/sandbox-session.js'

import { groupId, ownerId, OWNER_GROUPS, OWNERS, START } from './crash-world.js'

type Command = { op: 'say', talker: string, room?: string, text: string, mention?: boolean } | { op: 'line', line: string }

const out = (event: Record<string, unknown>): void => { writeSync(1, JSON.stringify(event) + '\n') }

async function main (): Promise<void> {
  const options = readOptions()
  const session = await SandboxSession.open({
    options: { ...options, outbox: { spacingMs: 0, jitterMs: 0, perMinute: 0 } },
    features: allFeatures(),
    log: createLogger('error'),
    print: m => out({ t: 'sent', chat: m.chat, text: m.text }),
    notice: text => out({ t: 'notice', text }),
    start: START,
    setup: mocker => {
      for (let n = 1; n <= OWNERS; n++) mocker.createContact({ id: ownerId(n), name: `业主${n}`, friend: true, type: types.Contact.Individual })
      const members = Array.from({ length: OWNERS }, (_, i) => ownerId(i + 1))
      for (let n = 1; n < OWNER_GROUPS; n++) mocker.createRoom({ id: groupId(n), topic: `阳光花园${n}号楼业主群`, memberIdList: [BOT.id, ...members] })
    }
  })
  const world = (session as unknown as { world: MockWorld }).world
  out({ t: 'ready' })
  const rl = readline.createInterface({ input: process.stdin, terminal: false })
  // sandbox lines (:as, :send…) depend on each other and run in order; chat messages do not wait
  let lines: Promise<unknown> = Promise.resolve()
  for await (const raw of rl) {
    const command = JSON.parse(raw) as Command
    if (command.op === 'say') world.say(command.talker, { roomId: command.room }, command.text, command.mention === true ? [BOT.id] : [])
    else lines = lines.then(async () => await session.line(command.line))
  }
  await lines
  await session.close()
  out({ t: 'closed' })
}

main().then(() => process.exit(0), err => { process.stderr.write(String((err as Error).stack ?? err) + '\n'); process.exit(1) })
