import type { FeatureFactory } from '../app/types.js'
import { authenticateFeature } from './core/authenticate.js'
import { helpFeature } from './core/help.js'
import { rolesFeature } from './core/roles.js'
import { smallTalkFeature } from './core/small-talk.js'

export interface FeatureOptions {
  /** One-time chair bootstrap code, printed on a real start with no chair. */
  bootstrapCode?: string
}

/**
 * Every feature of the bot, in the order messages are offered to them. Commands from all
 * features are matched first; then each feature's `handle` in this order; small talk last.
 */
export function allFeatures (opts: FeatureOptions = {}): FeatureFactory[] {
  return [
    helpFeature,
    rolesFeature,
    authenticateFeature(opts.bootstrapCode),
    // Features of the Q&A, complaints and disclosure issues are registered here.
    smallTalkFeature
  ]
}
