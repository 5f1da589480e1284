import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('connection', () => {
  it('holds messages while logged out and delivers them after the next login', async () => {
    h = await openSandbox()
    const { runtime } = h.session
    await runtime.mocker!.puppet.logout()
    await runtime.app.outbox.toRoom({ roomId: 'yangguang-owners@chatroom', text: '本月接待日通知' })
    await h.session.settle()
    expect(h.sent).toEqual([])
    expect(runtime.outbox.pending).toBe(1)
    ;(h.session as any).world.login()
    await new Promise(resolve => setTimeout(resolve, 50))
    await h.session.settle()
    expect(h.sent).toEqual([{ chat: '阳光花园业主群', text: '本月接待日通知' }])
  })
})
