import type { Sent } from './mock-world.js'

/** `[CHAT] 小区助手: TEXT`, continuation lines indented two spaces; colour only on a terminal. */
export function formatBlock (m: Sent, botName: string, colour: boolean): string {
  const [first = '', ...rest] = m.text.split('\n')
  const head = colour ? `\x1b[36m[${m.chat}]\x1b[0m \x1b[1m${botName}\x1b[0m: ` : `[${m.chat}] ${botName}: `
  return [head + first, ...rest.map(l => `  ${l}`)].join('\n')
}
