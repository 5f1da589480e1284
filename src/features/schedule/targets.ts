import type { App, Lane, OutgoingFile } from '../../app/types.js'
import type { Audience } from '../../schedule/calendar-jobs.js'

// Where scheduled and broadcast messages go, as strings the occurrence record can store:
// "room:<id>" or "contact:<id>". Resolved from the compound YAML through the Directory.

export interface Content { text?: string, file?: OutgoingFile }

export type AudienceTargets = Record<Audience, string[]>

/** How a message is queued: broadcasts default to the bulk lane; `key` makes a replay a no-op. */
export interface SendHow { lane?: Lane, key?: string }

/** A body's WeChat target as a stored string (none when the compound YAML gives it none). */
export async function bodyTargets (app: App, bodyId: string): Promise<string[]> {
  const target = await app.directory.bodyTarget(bodyId)
  if (target === undefined) return []
  return [target.kind === 'room' ? `room:${target.roomId}` : `contact:${target.contactId}`]
}

export async function resolveAudiences (app: App): Promise<AudienceTargets> {
  const [owners, committee, joint] = await Promise.all([
    app.directory.ownerRooms().then(rooms => rooms.map(r => `room:${r.id}`)),
    bodyTargets(app, 'committee'),
    bodyTargets(app, 'joint')
  ])
  return { owner_groups: owners, committee, joint }
}

/**
 * Hands one message (text, then optional file) to the outbox. Queued before the first await,
 * so a record marked in the same synchronous stretch is committed with it.
 */
export async function sendToTarget (app: App, target: string, content: Content, how: SendHow = {}): Promise<void> {
  const [kind, ...rest] = target.split(':')
  const id = rest.join(':')
  const options = { lane: how.lane ?? 'bulk', ...(how.key !== undefined && { key: how.key }) }
  if (kind === 'room') await app.outbox.toRoom({ roomId: id, ...content, ...options })
  else if (kind === 'contact') await app.outbox.toContact({ contactId: id, ...content, ...options })
  else throw new Error(`unknown target ${target}`)
}

/** A readable name for a target in reports to the chair (group topic, or the person's name). */
export async function describeTarget (app: App, target: string): Promise<string> {
  const [kind, ...rest] = target.split(':')
  const id = rest.join(':')
  if (kind === 'contact') return app.roles.nameOf(id) ?? id
  const owners = await app.directory.ownerRooms()
  const room = owners.find(r => r.id === id)
  if (room !== undefined) return room.topic
  // a work group or a body's group (a card that could not be delivered is reported by its name)
  const selectors = [...Object.values(app.compound.work_groups), ...Object.values(app.compound.bodies).map(b => b?.target)]
  for (const sel of selectors) {
    if (sel === undefined || !('room_topic' in sel) || sel.room_topic === undefined) continue
    const found = await app.directory.roomByTopic(sel.room_topic)
    if (found?.id === id) return found.topic
  }
  return id
}

/**
 * A private message (or several, in order) to every chair. A chair who is not a friend of the
 * bot is @-mentioned once in the four-in-one work group with a pointer only: the details stay
 * private, and the parts after the first are not repeated there as more pointers.
 */
export async function notifyChair (app: App, content: Content | Content[], how: SendHow = {}): Promise<void> {
  const parts = Array.isArray(content) ? content : [content]
  const joint = await app.directory.bodyTarget('joint')
  const fallbackRoomId = joint?.kind === 'room' ? joint.roomId : undefined
  const queued: Array<Promise<void>> = []
  for (const contactId of app.roles.membersOf('chair')) {
    for (const [n, part] of parts.entries()) {
      queued.push(app.outbox.toContact({
        contactId,
        ...part,
        ...(how.lane !== undefined && { lane: how.lane }),
        ...(how.key !== undefined && { key: `${how.key}:${contactId}:${n}` }),
        ...(n === 0 && fallbackRoomId !== undefined && { fallbackRoomId, fallbackText: '有一条需要主任处理的事项，请加我为好友后私聊查看。' })
      }))
    }
  }
  await Promise.all(queued)
}
