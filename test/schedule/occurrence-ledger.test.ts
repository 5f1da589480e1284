import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '../../src/schedule/calendar-schema.js'
import type { JobId } from '../../src/schedule/calendar-jobs.js'
import {
  checkOccurrences, emptyOccurrenceRecord, markSent, startOccurrenceRecord, type DueSend, type MissedOccurrence, type OccurrenceRecord
} from '../../src/schedule/occurrence-ledger.js'
import { runDueOccurrences } from '../../src/schedule/run-due-occurrences.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)
const calendar = defaultCalendar()
const OWNER_GROUPS = ['room-1', 'room-2', 'room-3']
const targetsOf = (job: JobId): string[] => job === 'fund_statement' || job === 'reception_day_notice' || job === 'opinion_survey'
  ? OWNER_GROUPS
  : ['committee-room']

/**
 * A process: its durable storage is a JSON string, as on disk, and the keys in its outbox.
 * `crashAfter` kills it after N deliveries, at its next write (between the hand-off and the
 * mark); `crashInHandOff` kills it inside the hand-off.
 */
class Process {
  delivered: DueSend[] = []
  reported: MissedOccurrence[] = []
  constructor (public disk: string, readonly outbox = new Set<string>()) {}

  async tick (now: Date, crash: { crashAfter?: number, crashInHandOff?: number } = {}): Promise<void> {
    const record = JSON.parse(this.disk) as OccurrenceRecord
    let deliveries = 0
    await runDueOccurrences({ record, calendar, now, targetsOf }, {
      save: async r => {
        if (deliveries >= (crash.crashAfter ?? Infinity)) throw new Error('killed')
        this.disk = JSON.stringify(r)
      },
      deliver: async send => {
        if (deliveries === crash.crashInHandOff) throw new Error('killed')
        deliveries += 1
        // the outbox ignores a key it already has
        if (this.outbox.has(`${send.key}|${send.target}`)) return
        this.outbox.add(`${send.key}|${send.target}`)
        this.delivered.push(send)
      },
      report: async missed => { this.reported.push(...missed.tooLate, ...missed.unroutable) }
    })
  }
}

const started = (now: Date): string => JSON.stringify(startOccurrenceRecord(emptyOccurrenceRecord(), now))
const statementSends = (p: Process): string[] => p.delivered.filter(s => s.job === 'fund_statement').map(s => s.target)

describe('occurrence record', () => {
  it('sends the January statement exactly once to each owner group, ticking every minute', async () => {
    const p = new Process(started(sh('2027-01-05T08:55:00')))
    for (let minute = 56; minute < 60 + 10; minute++) {
      const at = new Date(sh('2027-01-05T08:00:00').getTime() + minute * 60_000)
      await p.tick(at)
    }
    expect(statementSends(p)).toEqual(OWNER_GROUPS)
    expect(p.delivered.every(s => s.scheduledAt.toISOString() === '2027-01-05T01:00:00.000Z')).toBe(true)
    await p.tick(sh('2027-01-05T09:00:00'))
    expect(statementSends(p)).toHaveLength(3)
  })

  it('after a restart inside the grace window sends the missed statement once', async () => {
    const p = new Process(started(sh('2027-01-04T20:00:00')))
    await p.tick(sh('2027-01-04T20:01:00'))
    // down from Jan 4 20:01 until Jan 7 10:00: the Jan 5 statement is 2 days late, inside its 7-day window
    await p.tick(sh('2027-01-07T10:00:00'))
    await p.tick(sh('2027-01-07T10:01:00'))
    expect(statementSends(p)).toEqual(OWNER_GROUPS)
    expect(p.reported).toEqual([])
  })

  it('reports too-late occurrences to the chair once and sends nothing for them', async () => {
    const p = new Process(started(sh('2027-01-04T20:00:00')))
    await p.tick(sh('2027-01-13T10:00:00'))
    await p.tick(sh('2027-01-13T10:01:00'))
    expect(p.delivered).toEqual([])
    expect(p.reported.map(m => [m.job, m.scheduledAt.toISOString(), m.targets])).toEqual([
      ['fund_statement', '2027-01-05T01:00:00.000Z', OWNER_GROUPS],
      ['reception_day_notice', '2027-01-10T01:00:00.000Z', OWNER_GROUPS]
    ])
  })

  it('resumes a broadcast killed between groups without sending any group twice', async () => {
    const p = new Process(started(sh('2027-01-05T08:59:00')))
    await expect(p.tick(sh('2027-01-05T09:00:00'), { crashAfter: 1 })).rejects.toThrow('killed')
    expect(statementSends(p)).toEqual(['room-1'])
    // the process restarts from what it had written: room-1 was queued but not marked
    const restarted = new Process(p.disk, p.outbox)
    await restarted.tick(sh('2027-01-05T09:03:00'))
    await restarted.tick(sh('2027-01-05T09:04:00'))
    expect(statementSends(restarted)).toEqual(['room-2', 'room-3'])
  })

  it('resumes a target whose hand-off was interrupted: every group exactly once', async () => {
    const p = new Process(started(sh('2027-01-05T08:59:00')))
    await expect(p.tick(sh('2027-01-05T09:00:00'), { crashInHandOff: 1 })).rejects.toThrow('killed')
    const restarted = new Process(p.disk, p.outbox)
    await restarted.tick(sh('2027-01-05T09:03:00'))
    expect([...statementSends(p), ...statementSends(restarted)]).toEqual(['room-1', 'room-2', 'room-3'])
  })

  it('keeps the targets chosen at the time, even when the group list changes before the resume', () => {
    const first = checkOccurrences({ record: JSON.parse(started(sh('2027-01-05T08:59:00'))), calendar, now: sh('2027-01-05T09:00:00'), targetsOf })
    const record = markSent(first.record, first.toSend[0]?.key ?? '', 'room-1', sh('2027-01-05T09:00:00'))
    const resumed = checkOccurrences({ record, calendar, now: sh('2027-01-05T09:05:00'), targetsOf: () => ['room-9'] })
    expect(resumed.toSend.map(s => s.target)).toEqual(['room-2', 'room-3'])
  })

  it('does not backfill on a fresh install and survives the clock going back', () => {
    const fresh = checkOccurrences({ record: startOccurrenceRecord(emptyOccurrenceRecord(), sh('2027-01-06T10:00:00')), calendar, now: sh('2027-01-06T10:00:00'), targetsOf })
    expect(fresh.toSend).toEqual([])
    expect(fresh.tooLate).toEqual([])

    const sent = checkOccurrences({ record: startOccurrenceRecord(emptyOccurrenceRecord(), sh('2027-01-05T08:00:00')), calendar, now: sh('2027-01-05T09:00:00'), targetsOf })
    let record = sent.record
    for (const s of sent.toSend) record = markSent(record, s.key, s.target, sh('2027-01-05T09:00:00'))
    const back = checkOccurrences({ record, calendar, now: sh('2027-01-04T09:00:00'), targetsOf })
    const forward = checkOccurrences({ record: back.record, calendar, now: sh('2027-01-05T09:30:00'), targetsOf })
    expect(forward.toSend).toEqual([])
  })

  it('reports an occurrence with nowhere to go', () => {
    const result = checkOccurrences({ record: startOccurrenceRecord(emptyOccurrenceRecord(), sh('2027-01-05T08:00:00')), calendar, now: sh('2027-01-05T09:00:00'), targetsOf: () => [] })
    expect(result.unroutable.map(m => m.job)).toEqual(['fund_statement'])
    expect(result.toSend).toEqual([])
  })
})
