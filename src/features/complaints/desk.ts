import type { App } from '../../app/types.js'
import { sharedComplaintClassifier, type ComplaintClassifier } from '../../complaints/classify-complaint.js'
import { deadlinesSchema, type DeadlinesConfig } from '../../complaints/deadline-schema.js'
import { ComplaintSkillError, type ComplaintSkills } from '../../complaints/load-complaint-skills.js'
import { libraryKnowsYear } from '../../complaints/statutory-holidays.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'
import { createLlm, type Llm } from '../../llm/create-llm.js'
import { accusedOf, accusesAnyone, findAccused, recuseBodies, type Accused } from '../../complaints/recusal.js'
import type { RecusalFile } from '../../complaints/skill-schemas.js'
import { toSimplified } from '../../text/to-simplified.js'
import { loadCorrections } from '../../complaints/corrections.js'
import { accusedPeople, bodyName, knownPeople } from './body-desk.js'
import { deliveriesFor, type Delivery, type TargetLookup } from './ticket-targets.js'
import type { Names } from './format-ticket.js'
import { emptyPending, PENDING_STORE, pendingSchema, type PendingData } from './pending-location.js'
import { TicketStore } from './ticket-store.js'
import type { Store } from '../../storage/storage.js'
import { DAY_MS, shanghaiParts } from '../../clock/shanghai-time.js'

/** Everything the complaint handlers share, opened once per process. */
/** The progress notice in a group that says nothing of the matter (for non-friends). */
export const PROGRESS_FALLBACK = '您的反映有新进展，请加我为好友后私聊 /我的工单 查看。'
/** The same for a private matter (neighbours, the committee, the property company) that accuses nobody. */
export const PRIVATE_PROGRESS = '您的反映有新进展，请加我为好友后私聊查看。'

export interface Desk {
  app: App
  store: TicketStore
  /** complaints waiting for a location, by contact id */
  pending: Store<PendingData>
  config: DeadlinesConfig
  skills: ComplaintSkills
  classify: ComplaintClassifier
  /** the optional model, asked only when the offline decision is unsure */
  llm: Llm | undefined
  names: Names
  /** skills/complaints/recusal.yaml */
  rules: RecusalFile
  /** Whom a new complaint accuses, and its bodies and privacy once they step aside. */
  recuse: (draft: { text: string, category: string, bodies: string[], private: boolean }) => { bodies: string[], private: boolean, accused: Accused }
  /**
   * Where each body's cards go for a ticket, once per target (never a group an accused person
   * reads). `lookup`: the directory answers of a pass (rememberLookups), when there are many.
   */
  deliveries: (bodies: string[], ticket?: Ticket, lookup?: TargetLookup) => Promise<Delivery[]>
  /** Send to each body's WeChat target once (bodies sharing a group get one message); pass the ticket so recusal applies. */
  toBodies: (bodies: string[], text: string, ticket?: Ticket) => Promise<void>
  /**
   * Tell everyone who raised the matter, privately. Non-friends read in the group: a public
   * matter's text itself, a private one's `fallback` (no details), PROGRESS_FALLBACK when the
   * ticket accuses anyone.
   */
  toComplainants: (ticket: Ticket, text: string, fallback: string) => Promise<void>
}

const desks = new WeakMap<App, Promise<Desk>>()

/** The one desk of an app: the complaints feature and the calendar's notices share it. */
export async function deskOf (app: App): Promise<Desk> {
  let desk = desks.get(app)
  if (!desk) {
    desk = openDesk(app)
    desks.set(app, desk)
  }
  return await desk
}

async function openDesk (app: App): Promise<Desk> {
  const { skills, classify } = sharedComplaintClassifier()
  const parsed = deadlinesSchema.safeParse(app.compound.deadlines)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ComplaintSkillError(`小区配置 deadlines.${issue?.path.join('.') ?? ''} 有误：${issue?.message ?? ''}`)
  }
  const store = await TicketStore.load(app.storage)
  const pending = await app.storage.open<PendingData>(PENDING_STORE, emptyPending, { schema: pendingSchema })
  warnUnknownHolidays(app, parsed.data)
  const categoryNames = new Map(skills.categories.categories.map(c => [c.id, c.name]))
  const names: Names = { body: id => bodyName(app, skills, id), category: id => categoryNames.get(id) ?? id }
  const rules = skills.recusal
  await loadCorrections(app.storage)
  const deliveries = async (bodies: string[], ticket?: Ticket, lookup: TargetLookup = app.directory): Promise<Delivery[]> => {
    const barred = ticket ? accusedPeople(app, rules, ticket) : new Set<string>()
    const accused = ticket ? accusedOf(ticket).bodies : []
    const found = new Map<string, Delivery>()
    for (const body of bodies) {
      const list = await deliveriesFor({ app, lookup, rules, names, barred, accused }, body)
      if (list.length === 0) app.log.warn(`complaints: no WeChat target for body ${body}`)
      for (const d of list) if (!found.has(d.key)) found.set(d.key, d)
    }
    return [...found.values()]
  }

  return {
    app,
    store,
    pending,
    config: parsed.data,
    skills,
    classify,
    llm: app.options.llm ? createLlm(app.options.llm) : undefined,
    names,
    rules,
    recuse (draft) {
      const accused = findAccused(rules, toSimplified(draft.text), draft.category, knownPeople(app, rules))
      if (accused.bodies.length === 0) return { bodies: draft.bodies, private: draft.private, accused }
      // A complaint about a body or its people is never repeated in an owner group.
      return { bodies: recuseBodies(rules, draft.bodies, accused), private: true, accused }
    },
    deliveries,
    async toBodies (bodies, text, ticket) {
      for (const d of await deliveries(bodies, ticket)) await d.send(d.note + text)
    },
    async toComplainants (ticket, text, fallback) {
      // Whoever a ticket accuses may read the group: the fallback there says nothing of the matter.
      // A public matter (a lamp, a lift) is the group's business anyway: an owner who is not the
      // bot's friend reads the progress itself there, not a pointer to a chat they cannot open.
      const accused = accusesAnyone(ticket)
      const fallbackText = accused ? PROGRESS_FALLBACK : ticket.private ? fallback : maskPhones(text)
      for (const contactId of complainantsOf(ticket)) {
        await app.outbox.toContact({ contactId, text, fallbackRoomId: ticket.roomId ?? undefined, fallbackText })
      }
    }
  }
}

/**
 * The working-day library learns a year's holidays only when the State Council publishes
 * them. Until then deadlines use the statutory days without the make-up working days: say
 * so once at start, so the compound can enter the official schedule in its YAML.
 */
function warnUnknownHolidays (app: App, config: DeadlinesConfig): void {
  const now = app.clock.now()
  const soon = new Date(now.getTime() + 60 * DAY_MS)
  for (const year of new Set([now, soon].map(d => shanghaiParts(d).year))) {
    const listed = [...config.holidays, ...config.workdays].some(d => d.startsWith(`${year}-`))
    if (!libraryKnowsYear(year) && !listed) {
      app.log.warn(`complaints: chinese-days 尚无 ${year} 年放假安排，工单时限暂按法定节假日推算（不含调休）；国务院公布后请在小区配置 deadlines.holidays / deadlines.workdays 中补充`)
    }
  }
}
