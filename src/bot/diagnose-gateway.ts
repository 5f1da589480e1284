/** What the puppet service client knows about its settings, for the advice. */
export interface GatewaySettings { endpoint: string, tls: boolean, serverName?: string, token?: string }

interface Known { test: RegExp, say: (s: GatewaySettings) => string }

// The puppet service reports each mistake with a gRPC error; these are the texts it uses
// (wechaty-puppet-service 1.19 on grpc-js, checked against a local PuppetServer). Order
// matters: the more specific first.
const KNOWN: Known[] = [
  {
    test: /requires a SNI/i,
    say: () => '令牌缺少 SNI 前缀。请把 WECHATY_PUPPET_SERVICE_TOKEN 写成「insecure_原令牌」（网关也用同一个令牌），或用 WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME 指定证书名'
  },
  {
    test: /UNAUTHENTICATED/,
    say: () => '网关拒绝了令牌（16 UNAUTHENTICATED）。请核对 WECHATY_PUPPET_SERVICE_TOKEN 与网关的令牌完全一致（含 insecure_ 前缀）'
  },
  {
    test: /wrong version number/i,
    say: () => '机器人用 TLS 连接，但网关没有启用 TLS（wrong version number）。请在 .env 设 WECHATY_PUPPET_SERVICE_TLS=false，或让网关启用 TLS'
  },
  {
    test: /ALTNAME_INVALID|does not match certificate/i,
    say: s => s.serverName
      ? `网关证书的名称与机器人期望的不符（WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME=${s.serverName}）。请把它设为证书上的名称（网关的默认证书为 insecure），或删去该设置`
      : `网关证书的名称与令牌前缀「${s.token?.split('_')[0] ?? ''}」不符。网关用默认证书时令牌须以 insecure_ 开头；否则用 WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME 指定证书上的名称`
  },
  {
    test: /self[- ]signed|unable to (get|verify)|certificate verify failed|CERT_/i,
    say: () => '网关证书不受信任。请用 WECHATY_PUPPET_SERVICE_TLS_CA_CERT 提供签发网关证书的 CA（PEM 内容，换行写作 \\n）'
  },
  {
    test: /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN|Name resolution failed|DNS resolution failed/i,
    say: s => `连不上网关 ${s.endpoint}（地址不通或网关未运行）。请确认网关已启动，并核对 WECHATY_PUPPET_SERVICE_ENDPOINT（主机:端口）与防火墙`
  },
  {
    // A plain-text client meets a TLS handshake: grpc-js gives up without a lower-level cause.
    test: /Failed to connect|Protocol error/i,
    say: s => s.tls
      ? `网关 ${s.endpoint} 拒绝了连接。请确认网关在运行，且与机器人的 TLS 设置一致`
      : `网关 ${s.endpoint} 启用了 TLS，机器人却未启用（14 UNAVAILABLE）。请在 .env 设 WECHATY_PUPPET_SERVICE_TLS=true，或给网关设 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER=true`
  },
  {
    test: /14 UNAVAILABLE|Connection dropped/i,
    say: s => `网关 ${s.endpoint} 断开了连接。请确认网关在运行${s.tls ? '' : '；若每次都如此，可能是网关启用了 TLS 而机器人未启用（WECHATY_PUPPET_SERVICE_TLS）'}`
  },
  {
    test: /DEADLINE_EXCEEDED|Timeout after/i,
    say: s => `网关 ${s.endpoint} 没有及时回应。请确认网关在运行、网络通畅`
  }
]

/**
 * One Chinese sentence with the cause and the fix for the errors of one connection attempt,
 * or undefined when none of them is a known mistake.
 */
export function diagnoseGateway (errors: string[], settings: GatewaySettings): string | undefined {
  for (const known of KNOWN) {
    if (errors.some(e => known.test.test(e))) return known.say(settings)
  }
  return undefined
}

/** The diagnosis, or the first error itself, shortened to one line. */
export function describeGatewayFailure (errors: string[], settings: GatewaySettings): string {
  return diagnoseGateway(errors, settings) ?? `网关报错：${(errors[0] ?? '未知错误').split('\n')[0]!.slice(0, 200)}`
}

/** An error's message, first line only, for one log line. */
export function firstLine (err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!
}
