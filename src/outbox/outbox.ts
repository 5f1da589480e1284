import { z } from 'zod'
import type { Outbox, OutgoingFile, SendToContact, SendToRoom } from '../app/types.js'
import type { Logger } from '../log/logger.js'
import type { Storage, Store } from '../storage/storage.js'
import { splitText } from './split-text.js'
import { Throttle, type ThrottleOptions } from './throttle.js'

/** How the outbox reaches WeChat; implemented over Wechaty in src/bot/wechaty-transport.ts. */
export interface Transport {
  sendRoom (roomId: string, content: string | OutgoingFile, mention: string[]): Promise<void>
  sendContact (contactId: string, content: string | OutgoingFile): Promise<void>
  isFriend (contactId: string): Promise<boolean>
}

type Item = { id: number, state: 'queued' | 'sending', text?: string, file?: OutgoingFile } & (
  { kind: 'room', roomId: string, mention: string[] } |
  { kind: 'contact', contactId: string, fallbackRoomId?: string, fallbackText?: string })

export interface OutboxData { nextId: number, items: Item[] }
export const outboxSchema = z.object({
  nextId: z.number().int().positive(),
  items: z.array(z.object({ id: z.number(), state: z.enum(['queued', 'sending']), kind: z.enum(['room', 'contact']) }))
})
export const emptyOutbox = (): OutboxData => ({ nextId: 1, items: [] })

/**
 * The one queue every outgoing message goes through: WeChat bans accounts that send fast.
 * Persisted, so queued messages survive a restart; paused while logged out.
 */
export class ThrottledOutbox implements Outbox {
  private paused = true
  private running: Promise<void> | undefined
  private readonly throttle: Throttle

  constructor (private readonly store: Store<OutboxData>, private readonly storage: Storage,
    private readonly transport: Transport, throttle: ThrottleOptions, private readonly log: Logger) {
    this.throttle = new Throttle(throttle)
    // An item caught mid-send by a crash may or may not have gone out; dropping it keeps
    // the promise that nothing is ever sent twice.
    const interrupted = store.data.items.filter(i => i.state === 'sending')
    if (interrupted.length > 0) {
      log.warn(`outbox: dropping ${interrupted.length} message(s) interrupted mid-send`, interrupted.map(i => i.id))
      store.update(d => { d.items = d.items.filter(i => i.state !== 'sending') })
    }
  }

  get pending (): number { return this.store.data.items.length }

  async toRoom (m: SendToRoom): Promise<void> {
    await this.enqueue(contents(m).map(c => ({ kind: 'room', roomId: m.roomId, mention: m.mention ?? [], ...c })))
  }

  async toContact (m: SendToContact): Promise<void> {
    await this.enqueue(contents(m).map((c, n) => ({
      kind: 'contact',
      contactId: m.contactId,
      // Only the first part falls back: the group gets one short pointer, not the details.
      ...(n === 0 ? { fallbackRoomId: m.fallbackRoomId, fallbackText: m.fallbackText } : {}),
      ...c
    })))
  }

  pause (): void { this.paused = true }
  resume (): void { this.paused = false; this.kick() }

  async drain (): Promise<void> {
    while (this.running) await this.running
  }

  private async enqueue (items: Array<Omit<Item, 'id' | 'state'>>): Promise<void> {
    this.store.update(d => {
      for (const item of items) d.items.push({ ...item, id: d.nextId++, state: 'queued' } as Item)
    })
    // While paused nothing will flush soon: put the queue on disk now. Otherwise the loop
    // flushes every store before each send (one write for the change and the queue).
    if (this.paused) await this.storage.flushAll()
    this.kick()
  }

  private kick (): void {
    if (this.paused || this.running) return
    this.running = this.loop().finally(() => {
      this.running = undefined
      // Items queued during the loop's last write were not picked up by it.
      if (this.store.data.items.length > 0) this.kick()
    })
  }

  private async loop (): Promise<void> {
    for (let item = this.store.data.items[0]; item && !this.paused; item = this.store.data.items[0]) {
      await this.throttle.wait()
      this.store.update(() => { item!.state = 'sending' })
      // Whatever the bot is about to confirm to a person is on disk before it goes out,
      // and so is the mark that this item is under way.
      await this.storage.flushAll()
      try {
        await this.deliver(item)
      } catch (err) {
        this.log.error(`outbox: message ${item.id} could not be sent`, err)
      }
      this.store.update(d => { d.items = d.items.filter(i => i !== item) })
    }
    await this.store.flush()
  }

  private async deliver (item: Item): Promise<void> {
    const content = item.file ?? item.text ?? ''
    if (item.kind === 'room') return await this.transport.sendRoom(item.roomId, content, item.mention)
    if (await this.transport.isFriend(item.contactId)) return await this.transport.sendContact(item.contactId, content)
    // A bot can only message friends privately: @-mention in the group instead, without the details.
    if (item.fallbackRoomId && item.fallbackText) {
      return await this.transport.sendRoom(item.fallbackRoomId, item.fallbackText, [item.contactId])
    }
    this.log.warn(`outbox: ${item.contactId} is not a friend and no group fallback was given; message ${item.id} dropped`)
  }
}

function contents (m: { text?: string, file?: OutgoingFile }): Array<{ text?: string, file?: OutgoingFile }> {
  const parts: Array<{ text?: string, file?: OutgoingFile }> = m.text !== undefined ? splitText(m.text).map(text => ({ text })) : []
  if (m.file) parts.push({ file: m.file })
  return parts
}
