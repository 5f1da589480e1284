// The contract between the runtime (src/bot, src/outbox, src/storage) and the features
// (src/features/*). A feature sees only these types, never Wechaty itself, so the same
// feature code runs on real WeChat, in the sandbox and in tests.
import type { Clock } from '../clock/clock.js'
import type { Compound } from '../config/compound-schema.js'
import type { Options } from '../config/read-env-options.js'
import type { Storage } from '../storage/storage.js'
import type { Logger } from '../log/logger.js'

/** Roles are keyed by contact id. `owner` is everyone; `chair` passes every role check. */
export const ROLES = ['owner', 'committee', 'chair', 'property', 'residents', 'party', 'treasurer'] as const
export type Role = typeof ROLES[number]

export interface Person { id: string, name: string }
export interface Chat { id: string, topic: string }

export interface OutgoingFile { name: string, base64: string }

/**
 * 'reply': answers to a person and urgent notices, sent before anything in 'bulk'
 * (broadcasts, statements, scheduled notices), so a flood never makes a person wait.
 */
export type Lane = 'reply' | 'bulk'

interface SendOptions {
  /** default: 'reply' for a person (toContact), 'bulk' for a group (toRoom); ctx.reply is always 'reply' */
  lane?: Lane
  /**
   * Idempotency key derived from the change that causes the message: queuing a key that is
   * already in the outbox (queued, undelivered, or sent in the last 3 days) does nothing.
   */
  key?: string
  /**
   * Nothing confirmed stands behind this message (a plain answer, help, a greeting): its queue
   * records need not be fdatasynced before it goes out. A killed process still loses or
   * repeats nothing; a power cut may repeat or drop it. ctx.reply sets it by itself when the
   * handling changed nothing weighty.
   */
  light?: boolean
}

export interface SendToRoom extends SendOptions {
  roomId: string
  text?: string
  file?: OutgoingFile
  /** contact ids to @-mention; their names are prefixed to the text */
  mention?: string[]
}

export interface SendToContact extends SendOptions {
  contactId: string
  text?: string
  file?: OutgoingFile
  /** Where to go when the contact is not a friend: @-mention there with `fallbackText` (no private details). */
  fallbackRoomId?: string
  fallbackText?: string
}

/** A message the outbox could not confirm as delivered; only the chair decides to send it again. */
export interface Undelivered {
  id: number
  /** unconfirmed: caught mid-send by a stop (may have arrived); failed: refused by WeChat for good */
  state: 'unconfirmed' | 'failed'
  /** 'room:<id>' or 'contact:<id>' (the form of src/features/schedule/targets.ts) */
  target: string
  text?: string
  fileName?: string
  key?: string
  /** why it failed, for the chair */
  reason?: string
  /** the chair has been told */
  reported: boolean
}

export interface Outbox {
  /**
   * Queue a message (split into WeChat-sized parts). The parts are in the outbox when the call
   * returns, before its first await: a store change made in the same synchronous stretch is
   * committed with them, and nothing is sent before both are on disk.
   */
  toRoom (message: SendToRoom): Promise<void>
  toContact (message: SendToContact): Promise<void>
  /** Resolves when everything queued so far has been handed to the puppet, or the outbox is paused. */
  drain (): Promise<void>
  /** Unconfirmed and failed messages, oldest first. */
  undelivered (): Undelivered[]
  /** Queue undelivered messages again (the chair's decision); returns the ids that were requeued. */
  retry (ids: number[]): number[]
  /** Forget undelivered messages (the chair checked they arrived, or they are moot); returns the ids. */
  dismiss (ids: number[]): number[]
  /** Note that the chair has been told about these. */
  markReported (ids: number[]): void
  /** Called (synchronously, once) for each message that fails for good while running. */
  onUndelivered (listener: (item: Undelivered) => void): void
}

export interface Audit {
  record (entry: { who: string, action: string, args: string, result: string }): void
}

export interface RoleBook {
  rolesOf (contactId: string): ReadonlySet<Role>
  has (contactId: string, role: Role): boolean
  membersOf (role: Role): string[]
  grant (contactId: string, role: Role, name?: string): void
  revoke (contactId: string, role: Role): void
  nameOf (contactId: string): string | undefined
}

/** Resolve configured WeChat targets (body, owner groups) to live ids. */
export interface Directory {
  /** Owner group room ids (from the compound YAML's owner_groups selectors). */
  ownerRooms (): Promise<Chat[]>
  /** The room or contact a body's cards go to. */
  bodyTarget (bodyId: string): Promise<{ kind: 'room', roomId: string } | { kind: 'contact', contactId: string } | undefined>
  roomByTopic (pattern: string | RegExp): Promise<Chat | undefined>
  /** Whether a private message can reach this contact (a friend of the bot). */
  isFriend (contactId: string): Promise<boolean>
  /** Contact ids of a group's members (empty when the group is not found): recusal checks who would read a card. */
  roomMembers (roomId: string): Promise<string[]>
  /** A contact the puppet knows (friend or member of a group with the bot), by id. */
  contact (contactId: string): Promise<Person | undefined>
}

export interface App {
  clock: Clock
  compound: Compound
  options: Options
  storage: Storage
  outbox: Outbox
  audit: Audit
  roles: RoleBook
  directory: Directory
  log: Logger
  /** Every registered command (for /帮助); filled by the runtime. */
  commands: readonly Command[]
}

/** One incoming message, already filtered, mention-stripped and converted to Simplified. */
export interface MessageContext {
  app: App
  messageId: string
  /** Simplified, mention stripped, trimmed, cut to 2,000 characters */
  text: string
  /** What the person typed, mention stripped (may be Traditional) */
  original: string
  truncated: boolean
  talker: Person
  /** Undefined in private chat */
  room?: Chat
  isPrivate: boolean
  mentioned: boolean
  roles: ReadonlySet<Role>
  has (role: Role): boolean
  /** In a group: @-mentions the talker; in private: a private message. Goes through the outbox. */
  reply (text: string): Promise<void>
  /** Privately to the talker; in a group falls back to an @-mention with `fallbackText`. */
  replyPrivately (text: string, fallbackText: string): Promise<void>
  /** Per-person conversational state (awaiting a digit, a rating, a location...). */
  session: Session
  /** Other people @-mentioned in the message (not the bot), by contact id. */
  mentions: Person[]
}

export interface Session {
  get<T = unknown> (kind: string): T | undefined
  set (kind: string, data: unknown, ttlMinutes?: number): void
  clear (kind: string): void
}

export interface CommandArgs {
  /** words after the command name, split on white space */
  args: string[]
  /** everything after the command name, as typed (Simplified) */
  rest: string
}

export interface Command {
  /** without prefix; first is canonical, e.g. ['帮助', 'help'] */
  names: string[]
  /** any-of; chair always passes */
  roles: Role[]
  summary: string
  example: string
  /** privileged commands are written to the audit log */
  audited?: boolean
  /** not listed by /帮助 (still runs) */
  hidden?: boolean
  /** only in private chat (e.g. /认证) */
  privateOnly?: boolean
  run (ctx: MessageContext, input: CommandArgs): Promise<void>
}

export interface Feature {
  name: string
  commands?: Command[]
  /** Return true when the message was handled; handlers run in registration order. */
  handle? (ctx: MessageContext): Promise<boolean>
  /** Called on every clock tick (each minute in production, after `:clock` in the sandbox). */
  tick? (now: Date): Promise<void>
  /** Called once after login, before messages are processed. */
  start? (): Promise<void>
  /** Non-text messages (files) in private chat; return true when handled. */
  handleFile? (ctx: MessageContext, file: { name: string, base64: string }): Promise<boolean>
}

export type FeatureFactory = (app: App) => Feature
