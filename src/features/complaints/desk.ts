import type { App } from '../../app/types.js'
import { sharedComplaintClassifier, type ComplaintClassifier } from '../../complaints/classify-complaint.js'
import { deadlinesSchema, type DeadlinesConfig } from '../../complaints/deadline-schema.js'
import { ComplaintSkillError, type ComplaintSkills } from '../../complaints/load-complaint-skills.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import { libraryKnowsYear } from '../../complaints/statutory-holidays.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'
import { createLlm, type Llm } from '../../llm/create-llm.js'
import { bodyName, RELAY_BODY } from './body-desk.js'
import type { Names } from './format-ticket.js'
import { emptyPending, PENDING_STORE, pendingSchema, type PendingData } from './pending-location.js'
import { TicketStore } from './ticket-store.js'
import type { Store } from '../../storage/storage.js'
import { DAY_MS, shanghaiParts } from '../../clock/shanghai-time.js'

/** Everything the complaint handlers share, opened once per process. */
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
  /** Send to each body's WeChat target once (bodies sharing a group get one message). */
  toBodies: (bodies: string[], text: string) => Promise<void>
  /** Tell everyone who raised the matter, privately; `fallback` (no details) for non-friends. */
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

  async function targetOf (body: string): Promise<{ key: string, send: (text: string) => Promise<void> } | undefined> {
    const relay = RELAY_BODY[body]
    const own = await app.directory.bodyTarget(body)
    const target = own ??
      (relay ? await app.directory.bodyTarget(relay) : undefined) ??
      await app.directory.bodyTarget('committee')
    if (!target) return undefined
    const note = own ? '' : `（${names.body(body)}未配置微信，请代为转交）\n`
    if (target.kind === 'room') return { key: `room:${target.roomId}`, send: async text => await app.outbox.toRoom({ roomId: target.roomId, text: maskPhones(note + text) }) }
    return { key: `contact:${target.contactId}`, send: async text => await app.outbox.toContact({ contactId: target.contactId, text: note + text }) }
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
    async toBodies (bodies, text) {
      const sent = new Set<string>()
      for (const body of bodies) {
        const target = await targetOf(body)
        if (!target) {
          app.log.warn(`complaints: no WeChat target for body ${body}`)
          continue
        }
        if (sent.has(target.key)) continue
        sent.add(target.key)
        await target.send(text)
      }
    },
    async toComplainants (ticket, text, fallback) {
      for (const contactId of complainantsOf(ticket)) {
        await app.outbox.toContact({ contactId, text, fallbackRoomId: ticket.roomId ?? undefined, fallbackText: fallback })
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
