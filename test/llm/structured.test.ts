import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createLlm, type Llm } from '../../src/llm/create-llm.js'
import { structured } from '../../src/llm/structured.js'
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js'

const schema = z.object({ category: z.string().nullable(), urgent: z.boolean() })
const messages = [{ role: 'user' as const, content: '3号楼电梯困人了' }]

const server = new FakeOpenAiServer()
// A generous timeout, so that on a loaded machine an undefined is for the reason the test
// names and never a slow first request; `hasty` is for the timeout case alone.
let llm: Llm
let hasty: Llm
beforeAll(async () => {
  await server.start()
  llm = createLlm({ apiKey: 'k', baseURL: server.baseURL, model: 'fake', timeoutMs: 15_000 })!
  hasty = createLlm({ apiKey: 'k', baseURL: server.baseURL, model: 'fake', timeoutMs: 300 })!
})
afterAll(async () => { await server.stop() })
beforeEach(() => { server.requests.length = 0 })

describe('structured', () => {
  it('asks for the schema as JSON and returns the validated value', async () => {
    server.handler = () => JSON.stringify({ category: 'elevator', urgent: true })
    expect(await structured(llm, schema, messages, 'complaint')).toEqual({ category: 'elevator', urgent: true })
    const format = server.requests[0]?.body.response_format
    expect(format.type).toBe('json_schema')
    expect(format.json_schema.name).toBe('complaint')
    expect(format.json_schema.schema.required).toEqual(['category', 'urgent'])
  })

  it('returns undefined for JSON that does not match, text that is not JSON, an error or a timeout', async () => {
    for (const reply of [
      JSON.stringify({ category: 'elevator', urgent: 'yes' }),
      'not json at all',
      { status: 500, body: { error: { message: 'boom' } } }
    ]) {
      server.handler = () => reply
      expect(await structured(llm, schema, messages), JSON.stringify(reply).slice(0, 40)).toBeUndefined()
    }
    server.handler = () => ({ content: JSON.stringify({ category: null, urgent: false }), delayMs: 3_000 })
    expect(await structured(hasty, schema, messages)).toBeUndefined()
  })
})
