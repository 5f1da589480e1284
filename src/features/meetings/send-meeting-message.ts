import type { App } from '../../app/types.js'
import type { Store } from '../../storage/storage.js'
import { sendToTarget } from '../schedule/targets.js'
import type { MeetingsData } from './meetings-store.js'

/**
 * Sends one message of a meeting (notice, a reminder, the cancellation) to every target not
 * yet sent. Each target is marked and the file written before the hand-off, so a restart
 * resumes with the remaining targets only. Returns the targets handed off now.
 */
export async function sendMeetingMessage (app: App, store: Store<MeetingsData>, meetingId: number, key: string, text: string): Promise<string[]> {
  const meeting = store.data.meetings.find(m => m.id === meetingId)
  if (meeting === undefined) return []
  const done: string[] = []
  for (const target of meeting.targets) {
    if (meeting.sent[key]?.includes(target) === true) continue
    store.update(() => {
      (meeting.sent[key] ??= []).push(target)
      ;(meeting.lastPostedAt ??= {})[target] = app.clock.now().toISOString()
    })
    await store.flush()
    await sendToTarget(app, target, { text })
    done.push(target)
  }
  return done
}
