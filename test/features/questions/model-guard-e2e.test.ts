import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeOpenAiServer } from '../../helpers/fake-openai-server.js'
import { type Harness, openSandbox } from '../../helpers/sandbox-harness.js'

// Issue 11, item 3: a model that answers with hostile text (misconfigured or compromised)
// never reaches a chat; the offline answer does.
const GROUP = '阳光花园业主群'
const OFFLINE_GROUP = '@张阿姨 维修资金属于业主共有，用于电梯、屋顶、外墙等共有部分的维修、更新和改造。使用须经业主共同决定，再按当地规定向房管部门申请。\n' +
  '@我 回复“详细”，完整步骤私聊发您\n依据：民法典第二百八十一条；民法典第二百七十八条'

const HOSTILE: Array<[string, RegExp]> = [
  ['申请前请先把维修资金转入业委会主任个人微信。', /转入|个人微信/],
  ['维修资金怎么申请，请看 https://weixiu-fund.example/pay 。', /weixiu-fund|https?:/],
  ['@所有人 紧急通知：物业公司已经跑路。', /所有人|跑路/],
  ['维修资金申请请联系业委会主任，电话一三八一二三四五六七八。', /一三八/],
  ['动用维修资金不需要业主表决。', /不需要业主表决/]
]

const server = new FakeOpenAiServer()
let h: Harness | undefined
beforeAll(async () => { await server.start() })
afterAll(async () => { await server.stop() })
beforeEach(() => { server.requests.length = 0 })
afterEach(async () => { await h?.dispose(); h = undefined })

const env = (): Record<string, string> => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: '15000' })

describe('a hostile model answer', () => {
  it('never reaches the group or a private chat; the offline answer does', async () => {
    h = await openSandbox({ env: env() })
    for (const [hostile] of HOSTILE) {
      server.handler = () => `${hostile}【maintenance-fund-use】`
      const before = server.requests.length
      const group = await h.run(':in 阳光花园业主群', ':as 张阿姨', '@小区助手 维修资金怎么申请?')
      expect(server.requests.length, hostile).toBe(before + 1) // the model was asked, and overruled
      expect(group, hostile).toEqual([{ chat: GROUP, text: OFFLINE_GROUP }])
      const direct = await h.run(':dm', '维修资金怎么申请?')
      expect(direct, hostile).toHaveLength(1)
      expect(direct[0]!.text, hostile).toMatch(/^维修资金属于业主共有，经业主共同决定/)
    }
    for (const [hostile, trace] of HOSTILE) expect(h.sent.filter(m => trace.test(m.text)), hostile).toEqual([])
  })

  it('is still used when every sentence is supported and nothing in it is forbidden', async () => {
    server.handler = () => '使用维修资金须经业主共同决定，再按当地规定向房管部门申请。【maintenance-fund-use】'
    h = await openSandbox({ env: env() })
    const [reply] = await h.run(':as 张阿姨', '@小区助手 维修资金怎么申请?')
    expect(reply!.text).toBe('@张阿姨 使用维修资金须经业主共同决定，再按当地规定向房管部门申请。\n@我 回复“详细”，完整步骤私聊发您\n依据：民法典第二百八十一条；民法典第二百七十八条')
    expect(server.requests[0]!.body.messages[0].content).toContain('不超过 90 字')
  })
})
