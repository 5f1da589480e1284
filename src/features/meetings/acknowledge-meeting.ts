import type { MessageContext } from '../../app/types.js'
import type { Store } from '../../storage/storage.js'
import type { MeetingRecord, MeetingsData } from './meetings-store.js'

// "收到", "已收到", "收到 #3", "收到了，谢谢": the same pattern lets a group message reach the bot.
export { ACKNOWLEDGEMENT as ACK } from '../../classify/message-patterns.js'

/** When a meeting's notice or reminder last went to this room (any target in private). */
function lastPosted (meeting: MeetingRecord, roomTarget: string | undefined): string {
  const posted = meeting.lastPostedAt ?? {}
  if (roomTarget !== undefined) return posted[roomTarget] ?? meeting.createdAt
  return Object.values(posted).sort().at(-1) ?? meeting.createdAt
}

/**
 * Counts a 收到 for the meeting it answers: the one named (#3), else the one whose notice or
 * reminder was posted last where the person wrote. False when no meeting is open there.
 */
export async function acknowledge (ctx: MessageContext, s: Store<MeetingsData>, id: number | undefined): Promise<boolean> {
  const now = ctx.app.clock.now()
  const roomTarget = ctx.room !== undefined ? `room:${ctx.room.id}` : undefined
  const open = s.data.meetings.filter(m => m.status === 'scheduled' && new Date(m.at) > now &&
    (roomTarget === undefined || m.targets.includes(roomTarget)))
  const latest = [...open].sort((a, b) => lastPosted(a, roomTarget).localeCompare(lastPosted(b, roomTarget)) || a.id - b.id).at(-1)
  const meeting = id !== undefined ? open.find(m => m.id === id) : latest
  if (meeting === undefined) return false
  if (!meeting.acks.includes(ctx.talker.id)) s.update(() => { meeting.acks.push(ctx.talker.id) })
  // A group 收到 is counted silently: fifty confirmations would drown the notice.
  if (ctx.isPrivate || ctx.mentioned) await ctx.reply(`已记录：您已收到会议#${meeting.id}的通知。`)
  return true
}
