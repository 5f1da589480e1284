import { randomUUID } from 'node:crypto'
import { FileBox } from 'file-box'
import { types } from 'wechaty-puppet'
import type { mock } from 'wechaty-puppet-mock'
import { BOT, PEOPLE, ROOMS } from './demo-world.js'

export interface Said { id: string }
export interface Sent { chat: string, text: string }

/** Creates the demo people and groups on the mock puppet and speaks for them. */
export class MockWorld {
  constructor (private readonly mocker: mock.Mocker, private readonly now: () => Date) {}

  populate (): void {
    this.mocker.createContact({ id: BOT.id, name: BOT.name, friend: false, type: types.Contact.Individual })
    for (const p of PEOPLE) this.mocker.createContact({ id: p.id, name: p.name, friend: p.friend, type: types.Contact.Individual })
    for (const r of ROOMS) this.mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [BOT.id, ...r.members] })
  }

  login (): void {
    this.mocker.login(this.mocker.ContactMock.load(BOT.id))
  }

  /** Emit a message from `talkerId`, like ContactMock.say, but with the bot's clock and a known id. */
  say (talkerId: string, where: { roomId?: string }, content: string | { name: string, base64: string }, mentionIds: string[] = []): Said {
    const id = randomUUID()
    const base = { id, talkerId, timestamp: this.now().getTime() }
    const body = typeof content === 'string'
      ? { type: types.Message.Text, text: content }
      : { type: types.Message.Attachment, text: content.name }
    if (typeof content !== 'string') this.mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(content.base64, content.name).toJSON())
    const payload = where.roomId
      ? { ...base, ...body, roomId: where.roomId, mentionIdList: mentionIds }
      : { ...base, ...body, listenerId: BOT.id }
    this.mocker.MessageMock.create(payload as any)
    this.mocker.puppet.emit('message', { messageId: id })
    return { id }
  }

  /** Calls `print` for every message the bot itself sends, synchronously, in order. */
  onBotMessage (print: (m: Sent) => void): void {
    this.mocker.puppet.on('message', ({ messageId }) => {
      const p = this.mocker.messagePayload(messageId) as any
      if (p.talkerId !== BOT.id) return
      const chat = p.roomId
        ? ROOMS.find(r => r.id === p.roomId)?.topic ?? p.roomId
        : `私聊 ${PEOPLE.find(x => x.id === p.listenerId)?.name ?? p.listenerId}`
      const file = this.mocker.cacheFileBoxPayload.get(messageId)
      print({ chat, text: file ? `[文件] ${file.name}` : String(p.text ?? '') })
    })
  }
}
