import { describe, expect, it } from 'vitest'
import { OptionsError, readOptions } from '../../src/config/read-env-options.js'

describe('readOptions', () => {
  it('defaults to the sandbox, offline, with no LLM', () => {
    const o = readOptions({}, '/srv/bot')
    expect(o.puppet).toEqual({ kind: 'sandbox' })
    expect(o.llm).toBeUndefined()
    expect(o.storageDir).toBe('/srv/bot/storage')
  })

  it('refuses a service token without an endpoint, because discovery needs the internet', () => {
    expect(() => readOptions({ WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_xp_abc' })).toThrow(OptionsError)
    expect(() => readOptions({ WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_xp_abc' })).toThrow(/WECHATY_PUPPET_SERVICE_ENDPOINT/)
    expect(readOptions({ WECHATY_PUPPET_SERVICE_TOKEN: 't', WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:8788' }).puppet)
      .toEqual({ kind: 'service', token: 't', endpoint: '127.0.0.1:8788', tls: false })
  })

  it('uses a named puppet and reads LLM settings with the 20 s ceiling', () => {
    const o = readOptions({ WECHATY_PUPPET: 'wechaty-puppet-wechat4u', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_TIMEOUT_MS: '60000' })
    expect(o.puppet).toEqual({ kind: 'named', name: 'wechaty-puppet-wechat4u' })
    expect(o.llm).toMatchObject({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', timeoutMs: 20_000 })
  })

  it('rejects nonsense numbers and levels with the variable name', () => {
    expect(() => readOptions({ OUTBOX_SPACING_MS: 'fast' })).toThrow(/OUTBOX_SPACING_MS/)
    expect(() => readOptions({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
  })
})
