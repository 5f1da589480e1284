import type { App, Command, MessageContext } from '../app/types.js'
import { COMMAND } from '../classify/message-patterns.js'
import { ROLE_NAMES } from './role-names.js'

const PREFIX = /^[/#]\s*/

export function isCommand (text: string): boolean {
  return COMMAND.test(text)
}

/** `/name args…` → the command's canonical parts; undefined when the text is not a command. */
export function parseCommand (text: string): { name: string, args: string[], rest: string } | undefined {
  if (!isCommand(text)) return undefined
  const body = text.replace(PREFIX, '')
  const name = body.split(/\s+/, 1)[0] ?? ''
  const rest = body.slice(name.length).trim()
  return { name: name.toLowerCase(), args: rest === '' ? [] : rest.split(/\s+/), rest }
}

export function mayRun (ctx: Pick<MessageContext, 'has'>, command: Command): boolean {
  return command.roles.some(role => ctx.has(role))
}

/**
 * Finds the command, checks the asker's role (by contact id), runs it and writes privileged
 * commands to the audit log. Unknown commands and refusals get a polite answer.
 */
export class CommandRouter {
  private readonly byName = new Map<string, Command>()

  constructor (readonly commands: Command[], private readonly app: App) {
    for (const c of commands) {
      for (const n of c.names) {
        if (this.byName.has(n)) throw new Error(`command name ${n} registered twice`)
        this.byName.set(n.toLowerCase(), c)
      }
    }
  }

  async handle (ctx: MessageContext): Promise<boolean> {
    const parsed = parseCommand(ctx.text)
    if (!parsed) return false
    const command = this.byName.get(parsed.name)
    if (!command) {
      await ctx.reply(`没有「/${parsed.name}」这个命令。发送 /帮助 查看您可以使用的命令。`)
      return true
    }
    const audit = (result: string) => {
      if (command.audited) this.app.audit.record({ who: ctx.talker.id, action: `/${command.names[0]}`, args: parsed.rest, result })
    }
    if (!mayRun(ctx, command)) {
      audit('refused: role')
      const needed = command.roles.map(r => ROLE_NAMES[r]).join('或')
      await ctx.reply(`「/${command.names[0]}」需要${needed}身份，您目前没有该身份。如有疑问请联系业委会主任。`)
      return true
    }
    if (command.privateOnly && !ctx.isPrivate) {
      audit('refused: not private')
      await ctx.reply(`「/${command.names[0]}」请私聊我发送。`)
      return true
    }
    try {
      await command.run(ctx, { args: parsed.args, rest: parsed.rest })
      audit('ok')
    } catch (err) {
      audit(`error: ${(err as Error).message}`)
      throw err
    }
    return true
  }
}
