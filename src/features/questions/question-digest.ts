import type { App } from '../../app/types.js'
import { calendarDaysBetween, formatShanghai, shanghaiDate, shanghaiParts } from '../../clock/shanghai-time.js'
import { isWorkingDay } from '../../complaints/working-days.js'
import { tellCommittee } from './hand-off.js'
import type { OpenQuestion, QuestionStore } from './question-store.js'

/** Beijing time from which the morning digest goes out (the tick may come later: it catches up that day). */
export const DIGEST_HOUR = 9
const LIST_MAX = 20

/**
 * Each working morning, one message to the committee with every question still waiting for
 * an answer from before today (each was sent as a card when asked), until it is answered.
 */
export async function sendQuestionDigest (app: App, store: QuestionStore, now: Date): Promise<void> {
  const day = shanghaiDate(now)
  if (shanghaiParts(now).hour < DIGEST_HOUR || store.lastDigest === day || !isWorkingDay(now)) return
  const waiting = store.open().filter(q => shanghaiDate(new Date(q.askedAt)) < day)
  await store.markDigest(day)
  if (waiting.length === 0) return
  const told = await tellCommittee(app, digestText(waiting, now))
  if (!told) app.log.warn(`${waiting.length} 个待答复问题无法提醒业委会：没有配置 committee 的 target，也没有业委会委员`)
}

function digestText (waiting: OpenQuestion[], now: Date): string {
  // No asker names: the digest may go to a work group.
  const lines = waiting.slice(0, LIST_MAX).map(q => {
    const days = calendarDaysBetween(new Date(q.askedAt), now)
    return `Q${q.number}（${formatShanghai(new Date(q.askedAt)).slice(5, 10)}，已等 ${days} 天）${[...q.text].slice(0, 40).join('')}`
  })
  const more = waiting.length > LIST_MAX ? [`……另有 ${waiting.length - LIST_MAX} 个，发送 /问题 查看全部`] : []
  return [`【待答复问题提醒】还有 ${waiting.length} 个业主的问题等业委会答复：`, ...lines, ...more, '答复请发：/答复 Q编号 答复内容'].join('\n')
}
