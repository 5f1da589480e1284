import type { Feature, FeatureFactory } from '../../app/types.js'
import { bodyCommands } from './body-commands.js'
import { deskOf } from './desk.js'
import { escalateTickets } from './escalate-tickets.js'
import { handleIntake } from './intake.js'
import { answerPending, settleOverdue } from './locate-complaint.js'
import { queryCommands } from './query-commands.js'

/**
 * Complaints (issue 4): intake in groups and in private, routing to the responsible body,
 * body commands, deadlines and escalation on the clock, ratings, queries and statistics.
 */
export const complaintsFeature: FeatureFactory = (app): Feature => {
  // Opened once; start() opens it early so a broken skills file is reported at once.
  const desk = async () => await deskOf(app)
  return {
    name: 'complaints',
    commands: [...bodyCommands(desk), ...queryCommands(desk)],
    async start () { await desk() },
    async handle (ctx) { return await handleIntake(await desk(), ctx) },
    async tick (now) {
      const d = await desk()
      await settleOverdue(d, now) // first, so a draft filed late is escalated on the same clock
      await escalateTickets(d, now)
    }
  }
}

/**
 * The answer to "在哪里？" (issue 10), read before the Q&A and every other feature: a place or
 * 跳过 completes the pending complaint; anything else goes on to be handled as a new message,
 * with the place asked once more.
 */
export const complaintPlaceFeature: FeatureFactory = (app): Feature => ({
  name: 'complaint-place',
  async handle (ctx) { return await answerPending(await deskOf(app), ctx) }
})
