import { TOKEN } from './gateway-harness.js'

/**
 * The operator's mistakes of issue 9, each as the gateway's set-up, the bot's settings and
 * the words its one Chinese line must contain (cause and fix).
 */
export interface Misconfiguration {
  name: string
  /** undefined: no gateway at all */
  gateway?: { tls: boolean, token: string }
  env: Record<string, string>
  says: RegExp
}

export const MISCONFIGURATIONS: Misconfiguration[] = [
  {
    name: 'TLS on the gateway but not on the bot',
    gateway: { tls: true, token: TOKEN },
    env: { WECHATY_PUPPET_SERVICE_TLS: 'false' },
    says: /启用了 TLS，机器人却未启用.*WECHATY_PUPPET_SERVICE_TLS=true/
  },
  {
    name: 'a token without the insecure_ prefix',
    gateway: { tls: true, token: 'xiaoqu-test' },
    env: { WECHATY_PUPPET_SERVICE_TOKEN: 'xiaoqu-test', WECHATY_PUPPET_SERVICE_TLS: 'true' },
    says: /令牌缺少 SNI 前缀.*insecure_/
  },
  {
    name: 'a token with another prefix on a gateway with the default certificate',
    gateway: { tls: true, token: 'xiaoqu_test' },
    env: { WECHATY_PUPPET_SERVICE_TOKEN: 'xiaoqu_test', WECHATY_PUPPET_SERVICE_TLS: 'true' },
    says: /证书的名称与令牌前缀「xiaoqu」不符.*insecure_/
  },
  {
    name: 'a wrong token',
    gateway: { tls: false, token: TOKEN },
    env: { WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_wrong' },
    says: /网关拒绝了令牌（16 UNAUTHENTICATED）.*WECHATY_PUPPET_SERVICE_TOKEN/
  },
  {
    name: 'TLS on the bot only',
    gateway: { tls: false, token: TOKEN },
    env: { WECHATY_PUPPET_SERVICE_TLS: 'true' },
    says: /网关没有启用 TLS（wrong version number）.*WECHATY_PUPPET_SERVICE_TLS=false/
  },
  {
    name: 'a TLS server name that does not match the certificate',
    gateway: { tls: true, token: TOKEN },
    env: { WECHATY_PUPPET_SERVICE_TLS: 'true', WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: 'gateway.example' },
    says: /证书的名称与机器人期望的不符.*WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME/
  },
  {
    name: 'an unreachable gateway',
    env: {},
    says: /连不上网关 127\.0\.0\.1:\d+.*WECHATY_PUPPET_SERVICE_ENDPOINT/
  }
]
