import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js'
import { openSandbox, textsIn, type Harness } from '../helpers/sandbox-harness.js'

// The optional model is asked only when the offline classifier is unsure; its answer is
// validated and a bad or late answer leaves the offline routing.
const UNSURE = '@小区助手 投诉：这个月的社区报纸没收到'

describe('complaints with the optional model', () => {
  const server = new FakeOpenAiServer()
  let h: Harness
  beforeAll(async () => { await server.start() })
  afterAll(async () => { await server.stop() })
  beforeEach(() => { server.requests.length = 0 })
  afterEach(async () => { await h.dispose() })

  const open = async (extra: Record<string, string> = {}): Promise<Harness> => {
    h = await openSandbox({ env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: '2000', ...extra } })
    await h.run(':clock 2026-12-07 09:00', ':in 阳光花园业主群', ':as 李先生')
    return h
  }

  it('takes the model\'s category for an unsure complaint, and never asks for a clear one', async () => {
    server.handler = () => JSON.stringify({ category: 'security', urgent: false })
    await open()
    await h.run('@小区助手 5号楼电梯坏了')
    expect(server.requests).toHaveLength(0)
    const out = await h.run(UNSURE)
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]!.body.messages[1].content).toMatch(/^<owner_complaint>\n投诉.这个月的社区报纸没收到\n<\/owner_complaint>$/)
    expect(textsIn(out, '物业服务群').join('\n')).toContain('【新工单 #2】安保与门岗')
  })

  it('keeps the offline routing when the model answers something that is not a category', async () => {
    server.handler = () => JSON.stringify({ category: 'weather', urgent: true })
    await open()
    const out = await h.run(UNSURE)
    expect(server.requests).toHaveLength(1)
    expect(textsIn(out, '阳光花园业主群').join('\n')).toContain('已转阳光花园业主委员会')
  })

  it('does not let the model make a ticket urgent on its own (advisory only)', async () => {
    server.handler = () => JSON.stringify({ category: 'security', urgent: true })
    await open()
    const out = await h.run(UNSURE)
    expect(server.requests).toHaveLength(1)
    const card = textsIn(out, '物业服务群').join('\n')
    expect(card).toContain('【新工单 #1】安保与门岗')
    expect(card).not.toContain('紧急')
    expect(textsIn(out, '阳光花园业主群').join('\n')).not.toContain('紧急')
  })

  it('keeps the offline routing when the model is too slow', async () => {
    server.handler = () => ({ content: JSON.stringify({ category: 'security', urgent: false }), delayMs: 3000 })
    await open({ OPENAI_TIMEOUT_MS: '300' })
    const out = await h.run(UNSURE)
    expect(textsIn(out, '阳光花园业主群').join('\n')).toContain('已转阳光花园业主委员会')
  })
})
