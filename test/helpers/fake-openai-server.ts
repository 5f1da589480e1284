import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest { path: string, headers: Record<string, string | string[] | undefined>, body: any }

/** What the fake answers: the assistant's text, or a raw status and body; `delayMs` first. */
export type FakeReply = string | { status?: number, body?: unknown, content?: string, delayMs?: number }
export type FakeHandler = (body: any) => FakeReply

/**
 * A local OpenAI-compatible server (POST /v1/chat/completions) on 127.0.0.1, port 0.
 * Set `handler` per test; `requests` records what the client sent.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = []
  handler: FakeHandler = () => 'ok'
  private server: Server | undefined
  private readonly pending = new Set<NodeJS.Timeout>()

  get baseURL (): string {
    const address = this.server?.address() as AddressInfo | null
    if (!address) throw new Error('fake server not started')
    return `http://127.0.0.1:${address.port}/v1`
  }

  async start (): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = ''
      req.on('data', (chunk: Buffer) => { raw += chunk.toString() })
      req.on('end', () => {
        let body: any
        try { body = JSON.parse(raw) } catch { body = raw }
        this.requests.push({ path: req.url ?? '', headers: req.headers, body })
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }))
          return
        }
        const reply = this.handler(body)
        const spec = typeof reply === 'string' ? { content: reply } : reply
        const send = (): void => {
          if (res.destroyed) return
          res.writeHead(spec.status ?? 200, { 'content-type': 'application/json' })
          res.end(JSON.stringify(spec.body ?? completion(body?.model ?? 'fake', spec.content ?? '')))
        }
        if (spec.delayMs) {
          const timer = setTimeout(() => { this.pending.delete(timer); send() }, spec.delayMs)
          this.pending.add(timer)
        } else send()
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    return this
  }

  async stop (): Promise<void> {
    for (const t of this.pending) clearTimeout(t)
    this.pending.clear()
    this.server?.closeAllConnections()
    await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve())
  }
}

export function completion (model: string, content: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }
  }
}
