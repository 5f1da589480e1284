import path from 'node:path'
import type { Level } from '../log/logger.js'
import { StartupError } from '../app/startup-error.js'

/** Runtime settings and secrets, from the environment (`.env`). The compound itself is YAML. */
export interface Options {
  puppet: { kind: 'sandbox' } | { kind: 'service', token: string, endpoint: string, tls: boolean, serverName?: string, caCert?: string } | { kind: 'named', name: string }
  storageDir: string
  compoundFile: string
  botName: string
  logLevel: Level
  outbox: { spacingMs: number, jitterMs: number, perMinute: number }
  llm?: { apiKey: string, baseURL?: string, model: string, timeoutMs: number }
}

export class OptionsError extends StartupError {}

const LEVELS: Level[] = ['debug', 'info', 'warn', 'error', 'silent']

export function readOptions (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Options {
  return {
    puppet: readPuppet(env),
    storageDir: path.resolve(cwd, env.STORAGE_DIR ?? 'storage'),
    compoundFile: path.resolve(cwd, env.COMPOUND_FILE ?? 'config/compound.yaml'),
    botName: env.BOT_NAME ?? '小区助手',
    logLevel: readLevel(env.LOG_LEVEL),
    outbox: {
      spacingMs: readNumber(env, 'OUTBOX_SPACING_MS', 1500),
      jitterMs: readNumber(env, 'OUTBOX_JITTER_MS', 1000),
      perMinute: readNumber(env, 'OUTBOX_PER_MINUTE', 20)
    },
    llm: readLlm(env)
  }
}

function readPuppet (env: NodeJS.ProcessEnv): Options['puppet'] {
  const token = env.WECHATY_PUPPET_SERVICE_TOKEN?.trim()
  if (token) {
    const endpoint = env.WECHATY_PUPPET_SERVICE_ENDPOINT?.trim()
    // Without an endpoint the service puppet asks an internet discovery service, which
    // crashes offline: refuse clearly instead.
    if (!endpoint) {
      throw new OptionsError('已设置 WECHATY_PUPPET_SERVICE_TOKEN，但缺少 WECHATY_PUPPET_SERVICE_ENDPOINT（例如 127.0.0.1:8788）。请在 .env 中填写服务地址后再启动。')
    }
    return {
      kind: 'service',
      token,
      endpoint,
      tls: env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT !== 'true' && env.WECHATY_PUPPET_SERVICE_TLS === 'true',
      serverName: env.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME?.trim() || undefined,
      // A PEM in one .env line writes its newlines as \n (the library's own convention).
      caCert: env.WECHATY_PUPPET_SERVICE_TLS_CA_CERT?.trim().replace(/\\n/g, '\n') || undefined
    }
  }
  const name = env.WECHATY_PUPPET?.trim()
  if (name && name !== 'wechaty-puppet-mock') return { kind: 'named', name }
  return { kind: 'sandbox' }
}

function readLlm (env: NodeJS.ProcessEnv): Options['llm'] {
  const apiKey = env.OPENAI_API_KEY?.trim()
  if (!apiKey) return undefined
  return {
    apiKey,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    model: env.OPENAI_MODEL?.trim() || 'gpt-4o-mini',
    timeoutMs: Math.min(readNumber(env, 'OPENAI_TIMEOUT_MS', 20_000), 20_000)
  }
}

function readLevel (value: string | undefined): Level {
  if (value === undefined || value === '') return 'info'
  if ((LEVELS as string[]).includes(value)) return value as Level
  throw new OptionsError(`LOG_LEVEL 应为 ${LEVELS.join('/')} 之一，收到「${value}」`)
}

function readNumber (env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new OptionsError(`${key} 应为非负数字，收到「${raw}」`)
  return n
}
