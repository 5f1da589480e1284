import type { Feature, FeatureFactory } from '../../app/types.js'
import { bodyCommands } from './body-commands.js'
import { openDesk, type Desk } from './desk.js'
import { escalateTickets } from './escalate-tickets.js'
import { handleIntake } from './intake.js'
import { queryCommands } from './query-commands.js'

/**
 * Complaints (issue 4): intake in groups and in private, routing to the responsible body,
 * body commands, deadlines and escalation on the clock, ratings, queries and statistics.
 */
export const complaintsFeature: FeatureFactory = (app): Feature => {
  let opening: Promise<Desk> | undefined
  // Opened once; start() opens it early so a broken skills file stops the start.
  const desk = async (): Promise<Desk> => await (opening ??= openDesk(app))
  return {
    name: 'complaints',
    commands: [...bodyCommands(desk), ...queryCommands(desk)],
    async start () { await desk() },
    async handle (ctx) { return await handleIntake(await desk(), ctx) },
    async tick (now) { await escalateTickets(await desk(), now) }
  }
}
