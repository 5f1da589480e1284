import { z } from 'zod'
import { ROLES } from '../app/types.js'
import { deadlinesSchema } from '../complaints/deadline-schema.js'
import { calendarSchema } from '../schedule/calendar-schema.js'

// Validation messages reach the committee member editing the YAML: say them in Chinese.
z.config(z.locales.zhCN())

/** Body ids are part of the contract (shared/domain.md). */
export const BODY_IDS = ['property', 'committee', 'residents', 'party', 'joint', 'urban', 'housing', 'police', 'street'] as const
export type BodyId = typeof BODY_IDS[number]

// WeChat targets are data (Wechaty-plugin style): a room by id or topic, or a contact by id.
const roomSelector = z.strictObject({ room_id: z.string().min(1).optional(), room_topic: z.string().min(1).optional() })
  .refine(s => Boolean(s.room_id ?? s.room_topic), { message: '应填写 room_id 或 room_topic' })
const contactSelector = z.strictObject({ contact_id: z.string().min(1), name: z.string().optional() })
export const targetSchema = z.union([contactSelector, roomSelector])
export type Target = z.infer<typeof targetSchema>

const bodySchema = z.strictObject({
  name: z.string().min(1),
  target: targetSchema.optional(),
  phone: z.string().optional()
})

const rosterEntry = z.strictObject({
  id: z.string().min(1, '应为微信联系人 id'),
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).default([])
})

export const compoundSchema = z.strictObject({
  name: z.string().min(1),
  owner_groups: z.array(roomSelector).min(1, '至少需要一个业主群'),
  work_groups: z.strictObject({
    property: roomSelector.optional(),
    joint: roomSelector.optional()
  }).default({}),
  bodies: z.partialRecord(z.enum(BODY_IDS), bodySchema).default({}),
  roster: z.array(rosterEntry).default([]),
  /** Compound-specific values that skills show (reception day, phones, fee standard). */
  info: z.record(z.string(), z.string()).default({}),
  /** The compound's own place names (会所, 三期, 幼儿园): accepted as a complaint's place. */
  landmarks: z.array(z.string().min(1)).default([]),
  /** When statements, notices and reminders go out (defaults: shared/domain.md's calendar). */
  calendar: calendarSchema,
  /** Complaint deadlines and limits (defaults from the complaints issue). */
  deadlines: deadlinesSchema
})
export type Compound = z.infer<typeof compoundSchema>
