import type { FeatureFactory } from '../app/types.js'
import { authenticateFeature } from './core/authenticate.js'
import { helpFeature } from './core/help.js'
import { rolesFeature } from './core/roles.js'
import { smallTalkFeature } from './core/small-talk.js'
import { complaintPlaceFeature, complaintsFeature } from './complaints/complaints-feature.js'
import { deliveryFeature } from './delivery/delivery-feature.js'
import { disclosureFeature } from './disclosure/disclosure-feature.js'
import { meetingsFeature } from './meetings/meetings-feature.js'
import { questionsFeature } from './questions/questions-feature.js'
import { scheduleFeature } from './schedule/schedule-feature.js'
import { surveyFeature } from './survey/survey-feature.js'

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
    // First to start: the chair hears about messages a stop left unconfirmed before anything new.
    deliveryFeature,
    // The answer to "在哪里？" for a pending complaint: only a place or 跳过 (issue 10).
    complaintPlaceFeature,
    // The Q&A takes only what classifyMessage (the decision `npm run classify` shows) calls a
    // question: a problem report is left to complaints, which come next. It goes first so
    // that a procedural question naming a problem area ("业委会多久开一次会") is answered,
    // not filed as a ticket; an urgent report is never taken.
    questionsFeature,
    // Complaints before the rest: a report that names a problem is a ticket, not a question.
    complaintsFeature,
    // Features of the Q&A, complaints and disclosure issues are registered here.
    // Disclosure, meetings and surveys before the schedule: its catch-up at start uses their stores.
    disclosureFeature,
    meetingsFeature,
    surveyFeature,
    scheduleFeature,
    smallTalkFeature
  ]
}
