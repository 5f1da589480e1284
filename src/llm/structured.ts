import type { z } from 'zod'
import type { Llm, Message } from './create-llm.js'

/**
 * Ask for JSON matching `schema` (use `.nullable()`, not `.optional()`: strict JSON schema
 * needs every field). Returns the validated value, or undefined on any error, refusal,
 * timeout or mismatch: callers always have an offline path.
 */
export async function structured<T> (llm: Llm, schema: z.ZodType<T>, messages: Message[], name = 'result'): Promise<T | undefined> {
  try {
    // imported here, not at the top: openai loads only when a key is configured
    const { zodResponseFormat } = await import('openai/helpers/zod')
    const response = await (await llm.client()).chat.completions.parse(
      { model: llm.model, messages, temperature: 0, response_format: zodResponseFormat(schema as any, name) },
      { timeout: llm.timeoutMs, signal: AbortSignal.timeout(llm.timeoutMs) }
    )
    const message = response.choices[0]?.message
    if (!message || message.refusal) return undefined
    const checked = schema.safeParse(message.parsed)
    return checked.success ? checked.data : undefined
  } catch {
    return undefined
  }
}
