import type { App, Feature, FeatureFactory } from '../../app/types.js'
import { JOB_SPECS } from '../../schedule/calendar-jobs.js'
import type { Calendar } from '../../schedule/calendar-schema.js'
import {
  emptyOccurrenceRecord, OCCURRENCE_STORE, occurrenceSchema, startOccurrenceRecord, type DueSend, type MissedOccurrence, type OccurrenceRecord
} from '../../schedule/occurrence-ledger.js'
import { runDueOccurrences } from '../../schedule/run-due-occurrences.js'
import { formatChineseDateTime } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { deliverJob, runJob, type JobRun } from './job-messages.js'
import { readCalendar } from './read-calendar.js'
import { describeTarget, notifyChair, resolveAudiences } from './targets.js'
import { renderMissedReport } from './missed-report.js'

const STORE_NAME = OCCURRENCE_STORE

/**
 * The calendar the seeds prescribe, driven by the one clock. Every tick (and once at start,
 * to catch up after a restart) sends what fell due since the last check; the occurrence
 * record guarantees each target gets each occurrence at most once.
 */
export const scheduleFeature: FeatureFactory = (app): Feature => {
  const calendar = readCalendar(app)
  let opened: Promise<Store<OccurrenceRecord>> | undefined
  const store = async (): Promise<Store<OccurrenceRecord>> => await (opened ??= app.storage.open(STORE_NAME, emptyOccurrenceRecord, { schema: occurrenceSchema }))
  // ticks can overlap (a slow broadcast and the next minute): one pass at a time
  let running: Promise<void> = Promise.resolve()
  const pass = async (now: Date): Promise<void> => {
    running = running.then(async () => await runPass(app, calendar, await store(), now))
    await running
  }

  return {
    name: 'schedule',
    async start () {
      const s = await store()
      const now = app.clock.now()
      s.update(d => { Object.assign(d, startOccurrenceRecord(d, now)) })
      await s.flush()
      await pass(now)
    },
    async tick (now) {
      await pass(now)
    }
  }
}

async function runPass (app: App, calendar: Calendar, store: Store<OccurrenceRecord>, now: Date): Promise<void> {
  const audiences = await resolveAudiences(app)
  const runs = new Map<string, JobRun>()
  const delivered: DueSend[] = []
  const failed: DueSend[] = []
  const skipped: DueSend[] = []
  const before = structuredClone(store.data)
  // an occurrence some of whose targets were sent before this pass was cut off by a restart
  const resumed = (key: string): boolean => Object.values(before.entries[key]?.targets ?? {}).some(t => t.state === 'sent')
  const save = async (record: OccurrenceRecord): Promise<void> => {
    store.update(d => { d.lastCheckedAt = record.lastCheckedAt; d.entries = record.entries })
    await store.flush()
  }
  const { delivered: done } = await runDueOccurrences({
    record: structuredClone(before),
    calendar,
    now,
    targetsOf: job => audiences[JOB_SPECS[job].audience]
  }, {
    save,
    deliver: async send => {
      let run = runs.get(send.key)
      if (run === undefined) {
        run = await runJob(app, calendar, send.job, send.scheduledAt)
        runs.set(send.key, run)
        if (run.problem !== undefined) await notifyChair(app, { text: run.problem })
      }
      try {
        if (!await deliverJob(app, send.job, send.scheduledAt, send.target, run)) skipped.push(send)
      } catch (err) {
        // marked sent already: never retried automatically, reported to the chair instead
        app.log.error(`schedule: ${send.key} to ${send.target} failed`, err)
        failed.push(send)
      }
    },
    report: async missed => { await reportMissed(app, missed.tooLate, missed.unroutable) }
  })
  delivered.push(...done.filter(d => !failed.includes(d) && !skipped.includes(d)))
  await reportDelivery(app, now, delivered, failed, resumed, runs)
}

async function reportMissed (app: App, tooLate: MissedOccurrence[], unroutable: MissedOccurrence[]): Promise<void> {
  const text = renderMissedReport(tooLate, unroutable)
  if (text !== undefined) await notifyChair(app, { text })
}

/** Broadcasts to owner groups get a delivery report to the chair. */
async function reportDelivery (
  app: App, now: Date, delivered: DueSend[], failed: DueSend[], resumed: (key: string) => boolean, runs: Map<string, JobRun>
): Promise<void> {
  const keys = [...new Set([...delivered, ...failed].map(d => d.key))]
  for (const key of keys) {
    const sends = [...delivered, ...failed].filter(d => d.key === key)
    const first = sends[0]
    if (first === undefined || JOB_SPECS[first.job].audience !== 'owner_groups' || runs.get(key)?.problem !== undefined) continue
    const ok = await Promise.all(delivered.filter(d => d.key === key).map(async d => await describeTarget(app, d.target)))
    const bad = await Promise.all(failed.filter(d => d.key === key).map(async d => await describeTarget(app, d.target)))
    const late = now.getTime() - first.scheduledAt.getTime() > 10 * 60_000
    await notifyChair(app, {
      text: [
        `【发送报告】${JOB_SPECS[first.job].label}（${formatChineseDateTime(first.scheduledAt)}）`,
        `已发出：${ok.length > 0 ? `${ok.join('、')}（共${ok.length}个群）` : '无'}`,
        ...(late ? [`补发：原定${formatChineseDateTime(first.scheduledAt)}，机器人停机期间错过，在补发时限内补发`] : []),
        ...(resumed(key) ? ['续发：上次发送中途中断，本次只发给尚未发送的群，已发的群不重复'] : []),
        bad.length > 0 ? `未能发出：${bad.join('、')}，请手动转发。` : '未能发出：无'
      ].join('\n')
    })
  }
}
