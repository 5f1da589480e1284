// Which send failures are the connection's (keep the message, pause, reconnect) and which are
// the message's own (drop it and tell the chair). Matched on text because the errors come
// from several layers: gRPC (code 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED), Node sockets, Wechaty.

const TRANSPORT_CODES = new Set([4, 14, 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
const TRANSPORT_TEXT = /UNAVAILABLE|DEADLINE_EXCEEDED|not logged in|__currentUserId|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|timed? ?out|socket hang up|connection (closed|reset|refused)/i

export function isTransportError (err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code
  if ((typeof code === 'number' || typeof code === 'string') && TRANSPORT_CODES.has(code)) return true
  return TRANSPORT_TEXT.test(err instanceof Error ? err.message : String(err))
}

/** A private message to someone who is not the bot's friend, with no group to @-mention them in. */
export class NotAFriendError extends Error {}

const REASONS: Array<[RegExp, string]> = [
  [/room .* not found/i, '群已不存在，或机器人已不在群里'],
  [/contact .* not found/i, '找不到这位联系人'],
  [/not a friend/i, '对方不是机器人的好友，无法私聊，也没有可以 @ 对方的群']
]

export function reasonOf (err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? `微信拒绝发送（${text.slice(0, 80)}）`
}
