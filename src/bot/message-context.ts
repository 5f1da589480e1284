import type { App, Chat, MessageContext, Person, Role } from '../app/types.js'
import type { Sessions } from './sessions.js'

export const MAX_TEXT = 2000
const TRUNCATION_NOTE = `（您的消息超过 ${MAX_TEXT} 字，我只处理了前 ${MAX_TEXT} 字。）`

export interface IncomingMessage {
  id: string
  talker: Person
  room?: Chat
  mentioned: boolean
  mentions: Person[]
  /** as typed, bot mention stripped */
  original: string
  /** Simplified, half-width, trimmed */
  simplified: string
}

/** One context object per message (grammY style): what was said, by whom, and how to answer. */
export function createContext (app: App, sessions: Sessions, m: IncomingMessage): MessageContext {
  const roles = app.roles.rolesOf(m.talker.id)
  // A reply is light (see SendOptions.light) when nothing weighty changed anywhere since the
  // message arrived: then it confirms nothing (unsynced state it may have read from others is
  // synced before it goes all the same: storage.commitBeforeSend).
  const weightyAtStart = app.storage.weightyChanges
  const light = () => app.storage.weightyChanges === weightyAtStart
  const truncated = m.simplified.length > MAX_TEXT
  let noteSent = false
  // The first reply to a cut message says it was cut.
  const withNote = (text: string) => {
    if (!truncated || noteSent) return text
    noteSent = true
    return `${TRUNCATION_NOTE}\n${text}`
  }
  const ctx: MessageContext = {
    app,
    messageId: m.id,
    text: m.simplified.slice(0, MAX_TEXT),
    original: m.original.slice(0, MAX_TEXT),
    truncated,
    talker: m.talker,
    room: m.room,
    isPrivate: m.room === undefined,
    mentioned: m.mentioned,
    mentions: m.mentions,
    roles,
    has: (role: Role) => app.roles.has(m.talker.id, role),
    async reply (text) {
      // Answers to a person go before broadcasts (the 'reply' lane).
      if (m.room) await app.outbox.toRoom({ roomId: m.room.id, text: withNote(text), mention: [m.talker.id], lane: 'reply', light: light() })
      else await app.outbox.toContact({ contactId: m.talker.id, text: withNote(text), lane: 'reply', light: light() })
    },
    async replyPrivately (text, fallbackText) {
      await app.outbox.toContact({ contactId: m.talker.id, text: withNote(text), fallbackRoomId: m.room?.id, fallbackText, lane: 'reply', light: light() })
    },
    session: sessions.for(m.talker.id)
  }
  return ctx
}
