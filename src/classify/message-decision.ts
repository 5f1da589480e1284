import type { MessageContext } from '../app/types.js'
import type { Classification } from './classify-message.js'

// The decision classifyMessage made for a message, kept for the handlers after the one that
// made it: the Q&A decides (it owns the knowledge base), complaints follow the same verdict,
// so the bot and `npm run classify` never disagree.
const decisions = new WeakMap<MessageContext, Classification>()

export function rememberDecision (ctx: MessageContext, decision: Classification): void {
  decisions.set(ctx, decision)
}

export function decisionOf (ctx: MessageContext): Classification | undefined {
  return decisions.get(ctx)
}
