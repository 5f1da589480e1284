import { FileBox } from 'file-box'
import type { WechatyInterface } from 'wechaty/impls'
import type { Chat, Directory, OutgoingFile } from '../app/types.js'
import type { Compound, Target } from '../config/compound-schema.js'
import type { Transport } from '../outbox/outbox.js'

/** The outbox's way out, over Wechaty. */
export function createTransport (bot: WechatyInterface): Transport {
  const sayable = (content: string | OutgoingFile) =>
    typeof content === 'string' ? content : FileBox.fromBase64(content.base64, content.name) // fromBuffer cannot be sent
  return {
    sendRoom: async (roomId, content, mention) => await connected(bot, async () => {
      const room = await bot.Room.find({ id: roomId })
      if (!room) throw new Error(`room ${roomId} not found`)
      const contacts = (await Promise.all(mention.map(async id => await bot.Contact.find({ id })))).filter(c => c !== undefined)
      if (typeof content === 'string' && contacts.length > 0) await room.say(content, ...contacts)
      else await room.say(sayable(content))
    }),
    sendContact: async (contactId, content) => await connected(bot, async () => {
      const contact = await bot.Contact.find({ id: contactId })
      if (!contact) throw new Error(`contact ${contactId} not found`)
      await contact.say(sayable(content))
    }),
    async isFriend (contactId) {
      const contact = await bot.Contact.find({ id: contactId })
      return contact?.friend() === true
    }
  }
}

/**
 * Sends only while logged in: a lookup on a stopped puppet would say "room not found" and
 * the outbox would drop the message for good. A call cut off by the gateway going away
 * (gRPC 1 CANCELLED) is likewise the connection's failure, not the message's.
 */
async function connected (bot: WechatyInterface, send: () => Promise<void>): Promise<void> {
  if (!bot.isLoggedIn) throw new Error('not logged in: the gateway connection is down (UNAVAILABLE)')
  try {
    await send()
  } catch (err) {
    const e = err as { code?: unknown, message?: string }
    if (e.code === 1 || /\b1 CANCELLED\b/.test(e.message ?? '')) throw Object.assign(new Error(`UNAVAILABLE: ${e.message}`), { code: 14 })
    throw err
  }
}

/** Resolves the compound's configured selectors (room id or topic, contact id) to live chats. */
export function createDirectory (bot: WechatyInterface, compound: Compound): Directory {
  const roomBy = async (sel: { room_id?: string, room_topic?: string }): Promise<Chat | undefined> => {
    const room = sel.room_id ? await bot.Room.find({ id: sel.room_id }) : await bot.Room.find({ topic: topicMatcher(sel.room_topic!) })
    return room ? { id: room.id, topic: await room.topic() } : undefined
  }
  const target = async (t: Target | undefined) => {
    if (!t) return undefined
    if ('contact_id' in t) return { kind: 'contact' as const, contactId: t.contact_id }
    const chat = await roomBy(t)
    return chat ? { kind: 'room' as const, roomId: chat.id } : undefined
  }
  return {
    async ownerRooms () {
      // A topic pattern (/阳光花园.*业主群/) covers every matching group: one line for fifty groups.
      const found = await Promise.all(compound.owner_groups.map(async sel => {
        if (sel.room_id) return [await roomBy(sel)]
        const rooms = await bot.Room.findAll({ topic: topicMatcher(sel.room_topic!) })
        return await Promise.all(rooms.map(async r => ({ id: r.id, topic: await r.topic() })))
      }))
      const chats = found.flat().filter((c): c is Chat => c !== undefined)
      return [...new Map(chats.map(c => [c.id, c])).values()]
    },
    async bodyTarget (bodyId) {
      const configured = compound.bodies[bodyId as keyof Compound['bodies']]?.target
      return await target(configured ?? defaultTarget(compound, bodyId))
    },
    async roomByTopic (pattern) {
      const room = await bot.Room.find({ topic: typeof pattern === 'string' ? pattern : pattern })
      return room ? { id: room.id, topic: await room.topic() } : undefined
    },
    async isFriend (contactId) {
      const contact = await bot.Contact.find({ id: contactId })
      return contact?.friend() === true
    },
    async roomMembers (roomId) {
      const room = await bot.Room.find({ id: roomId })
      return room ? (await room.memberAll()).map(c => c.id) : []
    },
    async contact (contactId) {
      const contact = await bot.Contact.find({ id: contactId }).catch(() => undefined)
      return contact ? { id: contact.id, name: contact.name() } : undefined
    }
  }
}

// Bodies without their own target: the property company works in its service group,
// the party organisation convenes the four-in-one group.
function defaultTarget (compound: Compound, bodyId: string): Target | undefined {
  if (bodyId === 'property') return compound.work_groups.property
  if (bodyId === 'party' || bodyId === 'joint' || bodyId === 'committee' || bodyId === 'residents') return compound.work_groups.joint
  return undefined
}

/** `/regex/` in the YAML is a pattern; anything else is the exact topic. */
function topicMatcher (topic: string): string | RegExp {
  const m = /^\/(.+)\/$/.exec(topic)
  return m ? new RegExp(m[1]!) : topic
}
