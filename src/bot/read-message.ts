import { types } from 'wechaty-puppet'
import type { MessageInterface } from 'wechaty/impls'
import { ACKNOWLEDGEMENT, COMMAND, TICKET_REFERENCE } from '../classify/message-patterns.js'
import { stripInvisible, toSimplified } from '../text/to-simplified.js'
import type { IncomingMessage } from './message-context.js'
import type { SeenMessages } from './seen-messages.js'

export const TRIGGER_WORDS = ['投诉', '报修', '举报', '咨询']

export type Reading =
  | { kind: 'drop', reason: string }
  | { kind: 'file', message: IncomingMessage, load: () => Promise<{ name: string, base64: string }> }
  | { kind: 'nontext', message: IncomingMessage }
  | { kind: 'text', message: IncomingMessage }

/**
 * Decide whether the bot should act on a message and extract what it needs. In groups it
 * acts only when @-mentioned, or on a command prefix or a trigger word; in private always.
 */
export async function readMessage (msg: MessageInterface, botName: string, startedAt: Date, seen: SeenMessages): Promise<Reading> {
  if (msg.self()) return { kind: 'drop', reason: 'own message' }
  if (msg.date().getTime() < startedAt.getTime()) return { kind: 'drop', reason: 'sent before start' }
  if (!seen.claim(msg.id)) return { kind: 'drop', reason: 'duplicate' }
  try {
    const reading = await read(msg, botName)
    // Only what the bot acts on is remembered (written); chatter costs no write.
    if (reading.kind === 'drop') seen.release(msg.id)
    else seen.record(msg.id, msg.date())
    return reading
  } catch (err) {
    seen.release(msg.id)
    throw err
  }
}

async function read (msg: MessageInterface, botName: string): Promise<Reading> {
  const talker = msg.talker()
  const room = msg.room()
  const raw = stripInvisible(msg.text() ?? '')
  const mentioned = room ? await mentionsBot(msg, raw, botName) : false
  const original = stripMention(raw, botName)
  const simplified = toSimplified(original)
  // Other people's mentions (for /角色) cost puppet look-ups: only when the text still has an @.
  const mentionList = room && original.includes('@') ? await msg.mentionList() : []
  const message: IncomingMessage = {
    id: msg.id,
    talker: { id: talker.id, name: talker.name() },
    room: room ? { id: room.id, topic: await room.topic() } : undefined,
    mentioned,
    mentions: mentionList.filter(c => c.id !== msg.wechaty.currentUser.id).map(c => ({ id: c.id, name: c.name() })),
    original,
    simplified
  }
  const type = msg.type()
  if (type !== types.Message.Text) {
    if (room) return { kind: 'drop', reason: 'non-text in group' }
    const fileLike = [types.Message.Attachment, types.Message.Unknown, types.Message.Image].includes(type)
    if (!fileLike) return { kind: 'nontext', message }
    return {
      kind: 'file',
      message,
      load: async () => {
        const box = await msg.toFileBox()
        return { name: box.name, base64: await box.toBase64() }
      }
    }
  }
  if (room && !mentioned && !activates(simplified)) return { kind: 'drop', reason: 'group message not for the bot' }
  return { kind: 'text', message }
}

// A bare 收到 under a notice is how owners acknowledge it; the meetings feature counts it.

// `#3 怎么还没修` chases ticket 3 without an @ (the complaints desk tells others where to look).
function activates (text: string): boolean {
  return COMMAND.test(text) || TICKET_REFERENCE.test(text) || TRIGGER_WORDS.some(w => text.startsWith(w)) || ACKNOWLEDGEMENT.test(text)
}

/**
 * Some clients send `@小区助手` as plain text with no mention list: then the name in the
 * text counts. A list that names others (and not the bot) is believed.
 */
async function mentionsBot (msg: MessageInterface, raw: string, botName: string): Promise<boolean> {
  if (await msg.mentionSelf()) return true
  const ids = (msg.payload as { mentionIdList?: string[] } | undefined)?.mentionIdList ?? []
  return ids.length === 0 && raw.includes(`@${botName}`)
}

/** Remove `@小区助手` (followed by the WeChat mention space U+2005 or a normal space). */
export function stripMention (text: string, botName: string): string {
  const escaped = botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return text.replace(new RegExp(`@${escaped}[\\u2005\\s]?`, 'g'), '').trim()
}

