import type { OutgoingFile, Undelivered } from '../app/types.js'
import type { Item } from './outbox-ops.js'
import { NotAFriendError } from './send-error.js'
import { splitText } from './split-text.js'

/** How the outbox reaches WeChat; implemented over Wechaty in src/bot/wechaty-transport.ts. */
export interface Transport {
  sendRoom (roomId: string, content: string | OutgoingFile, mention: string[]): Promise<void>
  sendContact (contactId: string, content: string | OutgoingFile): Promise<void>
  isFriend (contactId: string): Promise<boolean>
}

/**
 * Sends one queued item. A send that hangs (a gateway gone silent) fails as timed out after
 * `timeoutMs`, which the outbox treats as a connection failure: it pauses and keeps the item.
 */
export async function deliver (t: Transport, item: Item, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`send timed out after ${timeoutMs} ms`)), timeoutMs)
    timer.unref()
  })
  try {
    await Promise.race([send(t, item), timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function send (t: Transport, item: Item): Promise<void> {
  const m = item.message
  const content = m.file ?? m.text ?? ''
  if (m.kind === 'room') return await t.sendRoom(m.roomId, content, m.mention)
  if (await t.isFriend(m.contactId)) return await t.sendContact(m.contactId, content)
  // A bot can only message friends privately: @-mention in the group instead, without the details.
  if (m.fallbackRoomId !== undefined && m.fallbackText !== undefined) {
    return await t.sendRoom(m.fallbackRoomId, m.fallbackText, [m.contactId])
  }
  throw new NotAFriendError(`${m.contactId} is not a friend and no group fallback was given`)
}

/** An item as features see it (src/app/types.ts). */
export function describe (item: Item): Undelivered {
  const m = item.message
  return {
    id: item.id,
    state: item.state === 'failed' ? 'failed' : 'unconfirmed',
    target: m.kind === 'room' ? `room:${m.roomId}` : `contact:${m.contactId}`,
    ...(m.text !== undefined && { text: m.text }),
    ...(m.file !== undefined && { fileName: m.file.name }),
    ...(item.key !== undefined && { key: item.key }),
    ...(item.reason !== undefined && { reason: item.reason }),
    reported: item.reported === true
  }
}

/** A message as the parts WeChat takes: the text split near 500 characters, then the file. */
export function contents (m: { text?: string, file?: OutgoingFile }): Array<{ text?: string, file?: OutgoingFile }> {
  const parts: Array<{ text?: string, file?: OutgoingFile }> = m.text !== undefined ? splitText(m.text).map(text => ({ text })) : []
  if (m.file) parts.push({ file: m.file })
  return parts
}
