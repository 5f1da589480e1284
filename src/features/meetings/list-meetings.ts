import type { MessageContext } from '../../app/types.js'
import { formatChineseDateTime } from '../../clock/shanghai-time.js'
import { resolveAudiences } from '../schedule/targets.js'
import type { MeetingsData } from './meetings-store.js'

// People who work with the committee see every meeting; an owner sees those announced to the
// owner groups (an internal 例会 or 联席会议 was never posted there, so it is not listed there).
const SEES_ALL = ['committee', 'party', 'residents', 'property'] as const

/** `/会议 列表`: meetings still ahead, soonest first; 收到 counts for the committee only. */
export async function listMeetings (ctx: MessageContext, data: MeetingsData): Promise<string> {
  const now = ctx.app.clock.now()
  const all = SEES_ALL.some(role => ctx.has(role))
  const ownerRooms = all ? [] : (await resolveAudiences(ctx.app)).owner_groups
  const upcoming = data.meetings
    .filter(m => m.status === 'scheduled' && new Date(m.at) > now)
    .filter(m => all || m.targets.some(t => ownerRooms.includes(t)))
    .sort((a, b) => a.at.localeCompare(b.at))
  if (upcoming.length === 0) return '目前没有待召开的会议。'
  const showAcks = ctx.has('committee') || ctx.has('party')
  return ['待召开的会议：', ...upcoming.map(m =>
    `#${m.id} ${m.type}${m.extraordinary !== undefined ? '（临时）' : ''} ${formatChineseDateTime(new Date(m.at))} ${m.place}：${m.topic}` +
    (showAcks ? `（${m.acks.length}人回复收到）` : ''))].join('\n')
}
