import type { Sent } from '../../src/sandbox/mock-world.js'
import type { Harness } from '../helpers/sandbox-harness.js'

/**
 * Runs sandbox lines and returns everything the bot sent meanwhile. The outbox can leave a
 * message that was queued during its final write of a run waiting until the next send
 * (reported to the runtime's owner); resume() kicks the queue again so a step sees all of
 * its own messages instead of finding them in the next step.
 */
export async function step (h: Harness, ...lines: string[]): Promise<Sent[]> {
  const before = h.sent.length
  await h.run(...lines)
  h.session.runtime.outbox.resume()
  await h.session.settle()
  return h.sent.slice(before)
}
