import type OpenAI from 'openai'
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'

/** The ceiling: an owner waits at most this long before the offline answer. */
export const HARD_TIMEOUT_MS = 20_000

export interface LlmOptions {
  apiKey?: string
  /** any OpenAI-compatible server: DeepSeek, Qwen, a local one */
  baseURL?: string
  model: string
  timeoutMs?: number
}

export interface Llm {
  /** The SDK is imported on the first call: without a key it never loads (~12 MB). */
  client: () => Promise<OpenAI>
  model: string
  timeoutMs: number
}

export type Message = ChatCompletionMessageParam

/** No key, no client: nothing is constructed that could reach the network. */
export function createLlm (options: LlmOptions): Llm | undefined {
  const apiKey = options.apiKey?.trim()
  if (!apiKey) return undefined
  const timeoutMs = Math.min(options.timeoutMs ?? HARD_TIMEOUT_MS, HARD_TIMEOUT_MS)
  // No retries: a retry after a timeout would double the owner's wait.
  let client: Promise<OpenAI> | undefined
  const open = async () => new (await import('openai')).default({ apiKey, baseURL: options.baseURL, timeout: timeoutMs, maxRetries: 0 })
  return { client: async () => await (client ??= open()), model: options.model, timeoutMs }
}

/** One chat completion's text, or undefined on any error, refusal or timeout. */
export async function complete (llm: Llm, messages: Message[]): Promise<string | undefined> {
  try {
    const response = await (await llm.client()).chat.completions.create(
      { model: llm.model, messages, temperature: 0 },
      { timeout: llm.timeoutMs, signal: AbortSignal.timeout(llm.timeoutMs) }
    )
    const content = response.choices[0]?.message?.content
    return typeof content === 'string' ? content : undefined
  } catch {
    return undefined
  }
}
