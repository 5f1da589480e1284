import { firstLine } from './diagnose-gateway.js'
import type { GatewayLink } from './gateway-link.js'

/**
 * From a good start on: a dropped event stream or an unanswered ping means reconnect; an
 * answered ping feeds Wechaty's watchdog. Returns the stop, or undefined when the event
 * stream cannot be watched (then `lost` has been told).
 */
export function watchLink (link: GatewayLink, pingEveryMs: number, pingTimeoutMs: number, lost: (why: string) => void): (() => void) | undefined {
  let unsubscribe: () => void
  try {
    unsubscribe = link.onStreamLost(why => lost(`与微信网关的连接断开（${why.split('\n')[0]}）`))
  } catch (err) {
    lost(`微信网关的事件流不可用（${firstLine(err)}）`)
    return undefined
  }
  const pinger = setInterval(() => pingLink(link, pingTimeoutMs, () => link.feedWatchdog(), lost), pingEveryMs)
  return () => {
    clearInterval(pinger)
    unsubscribe()
  }
}

/** One ping: `answered`, or `lost` with the cause. */
export function pingLink (link: GatewayLink, timeoutMs: number, answered: () => void, lost: (why: string) => void): void {
  link.ping(timeoutMs).then(answered, err => lost(`网关无响应（${firstLine(err)}）`))
}
