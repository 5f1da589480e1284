import {
  checkOccurrences, markSent, type CheckInput, type DueSend, type MissedOccurrence, type OccurrenceRecord
} from './occurrence-ledger.js'

export interface RunHooks {
  /** persist the record; must resolve only once it is durably written */
  save: (record: OccurrenceRecord) => Promise<void>
  /** hand one message to the outbox, keyed by the send (its key and target), so a replay queues nothing twice */
  deliver: (send: DueSend) => Promise<void>
  /** tell the chair about occurrences that are too late or had nowhere to go */
  report: (missed: { tooLate: MissedOccurrence[], unroutable: MissedOccurrence[] }) => Promise<void>
}

/**
 * One scheduler pass: check, save, then for each due target deliver → mark → save, in that
 * order (see occurrence-ledger.ts for why). Returns the final record and what was delivered.
 * If deliver throws, the pass stops there and the error propagates: that target and the rest
 * stay pending for the next pass (a replayed delivery is a no-op in the outbox, by its key).
 */
export async function runDueOccurrences (input: CheckInput, hooks: RunHooks): Promise<{ record: OccurrenceRecord, delivered: DueSend[] }> {
  const result = checkOccurrences(input)
  let record = result.record
  await hooks.save(record)
  if (result.tooLate.length > 0 || result.unroutable.length > 0) {
    await hooks.report({ tooLate: result.tooLate, unroutable: result.unroutable })
  }
  const delivered: DueSend[] = []
  for (const send of result.toSend) {
    await hooks.deliver(send)
    record = markSent(record, send.key, send.target, input.now)
    await hooks.save(record)
    delivered.push(send)
  }
  return { record, delivered }
}
