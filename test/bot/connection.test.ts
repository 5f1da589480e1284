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

describe('feature start', () => {
  it('a startup error in a feature (bad skills file, unreadable data) stops the start; another error costs only that feature', async () => {
    const { StartupError } = await import('../../src/app/startup-error.js')
    const { allFeatures } = await import('../../src/features/index.js')
    const broken = () => ({ name: 'broken', async start () { throw new StartupError('skills/complaints/categories.yaml: 字段 categories.0.bodies 有误') } })
    await expect(openSandbox({ features: [broken, ...allFeatures()] })).rejects.toThrow(/categories\.yaml/)
    const flaky = () => ({ name: 'flaky', async start () { throw new Error('network down') } })
    h = await openSandbox({ features: [flaky, ...allFeatures()] })
    expect(await h.run(':dm', '/帮助')).toHaveLength(1)
  })
})
