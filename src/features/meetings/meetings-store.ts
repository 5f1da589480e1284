import { z } from 'zod'
import type { App } from '../../app/types.js'
import type { MeetingType } from '../../meetings/meeting-types.js'
import type { ReminderKind, ReminderState } from '../../meetings/meeting-reminders.js'
import type { Store } from '../../storage/storage.js'

export interface MeetingRecord {
  id: number
  type: MeetingType
  at: string
  place: string
  topic: string
  extraordinary?: { reason: string }
  createdBy: string
  createdAt: string
  status: 'scheduled' | 'cancelled'
  cancelReason?: string
  /** room:/contact: targets, fixed when the meeting is created */
  targets: string[]
  reminders: Partial<Record<ReminderKind, ReminderState>>
  /** message key ('notice', 'T-7d', 'T-1d', 'T-2h', 'cancel') → targets already handed to the outbox */
  sent: Record<string, string[]>
  /** target → when the last notice or reminder was handed off there: a bare 收到 answers the latest */
  lastPostedAt?: Record<string, string>
  /** contact ids who replied 收到 */
  acks: string[]
}

export interface MeetingsData { nextId: number, meetings: MeetingRecord[] }

export const meetingsSchema = z.object({
  nextId: z.number().int().positive(),
  meetings: z.array(z.object({ id: z.number(), type: z.string(), at: z.string(), status: z.enum(['scheduled', 'cancelled']), targets: z.array(z.string()), sent: z.record(z.string(), z.array(z.string())), acks: z.array(z.string()) }))
})

export const emptyMeetings = (): MeetingsData => ({ nextId: 1, meetings: [] })

export async function openMeetings (app: Pick<App, 'storage'>): Promise<Store<MeetingsData>> {
  return await app.storage.open('meetings', emptyMeetings, { schema: meetingsSchema })
}

/** Meetings held (or planned) between two instants, for the quarterly work report draft. */
export async function meetingsInRange (app: Pick<App, 'storage'>, from: Date, to: Date): Promise<MeetingRecord[]> {
  const store = await openMeetings(app)
  return store.data.meetings.filter(m => new Date(m.at) >= from && new Date(m.at) < to)
}
