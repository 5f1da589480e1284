import type { App, OutgoingFile } from '../../app/types.js'
import type { Audience } from '../../schedule/calendar-jobs.js'

// Where scheduled and broadcast messages go, as strings the occurrence record can store:
// "room:<id>" or "contact:<id>". Resolved from the compound YAML through the Directory.

export interface Content { text?: string, file?: OutgoingFile }

export type AudienceTargets = Record<Audience, string[]>

async function bodyTargets (app: App, bodyId: string): Promise<string[]> {
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

/** Hands one message (text, then optional file) to the outbox. */
export async function sendToTarget (app: App, target: string, content: Content): Promise<void> {
  const [kind, ...rest] = target.split(':')
  const id = rest.join(':')
  if (kind === 'room') await app.outbox.toRoom({ roomId: id, ...content })
  else if (kind === 'contact') await app.outbox.toContact({ contactId: id, ...content })
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
  const joint = app.compound.work_groups.joint?.room_topic
  const found = joint !== undefined ? await app.directory.roomByTopic(joint) : undefined
  return found?.id === id ? found.topic : id
}

/**
 * A private message (or several, in order) to every chair. A chair who is not a friend of the
 * bot is @-mentioned once in the four-in-one work group with a pointer only: the details stay
 * private, and the parts after the first are not repeated there as more pointers.
 */
export async function notifyChair (app: App, content: Content | Content[]): Promise<void> {
  const parts = Array.isArray(content) ? content : [content]
  const joint = await app.directory.bodyTarget('joint')
  const fallbackRoomId = joint?.kind === 'room' ? joint.roomId : undefined
  for (const contactId of app.roles.membersOf('chair')) {
    for (const [n, part] of parts.entries()) {
      await app.outbox.toContact({
        contactId,
        ...part,
        ...(n === 0 && fallbackRoomId !== undefined && { fallbackRoomId, fallbackText: '有一条需要主任处理的事项，请加我为好友后私聊查看。' })
      })
    }
  }
}
