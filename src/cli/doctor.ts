import { constants } from 'node:fs'
import { access, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { config as loadDotenv } from 'dotenv'
import { describeGatewayFailure } from '../bot/diagnose-gateway.js'
import { probeGateway } from '../bot/gateway-link.js'
import { loadCompound } from '../config/load-compound.js'
import { type Options, readOptions } from '../config/read-env-options.js'
import { checkFiles } from '../storage/check-files.js'
import { DATA_FILES } from '../app/data-files.js'

export interface Check { name: string, ok: boolean, detail: string }

/**
 * `npm run doctor`: the settings, the compound YAML, the data directory and the gateway,
 * each a line of a checklist. Only reads, except one probe file in the data directory; the
 * gateway is asked one authenticated question, its puppet is neither started nor stopped,
 * so a running bot is not disturbed.
 */
export async function runDoctor (env: NodeJS.ProcessEnv, cwd: string, gatewayTimeoutMs = 10_000): Promise<Check[]> {
  const checks: Check[] = []
  let options: Options
  try {
    options = readOptions(env, cwd)
    checks.push({ name: '设置（.env）', ok: true, detail: describePuppet(options) })
  } catch (err) {
    checks.push({ name: '设置（.env）', ok: false, detail: (err as Error).message })
    return checks
  }
  checks.push(await check('小区配置', async () => {
    const c = await loadCompound(options.compoundFile)
    return `${options.compoundFile}：${c.name}，业主群 ${c.owner_groups.length} 项，名册 ${c.roster.length} 人`
  }))
  checks.push(await check('数据目录', async () => await checkStorage(options.storageDir)))
  checks.push(await check('微信网关', async () => await checkGateway(options, gatewayTimeoutMs)))
  return checks
}

function describePuppet (o: Options): string {
  const p = o.puppet
  if (p.kind === 'sandbox') return '未配置微信账号：npm start 会打开本地沙盒'
  if (p.kind === 'named') return `使用 puppet 包 ${p.name}`
  return `网关 ${p.endpoint}，TLS ${p.tls ? '开启' : '关闭'}${p.serverName ? `，证书名 ${p.serverName}` : ''}${p.caCert ? '，自带 CA 证书' : ''}`
}

async function checkStorage (dir: string): Promise<string> {
  const exists = await stat(dir).then(st => st.isDirectory() ? true : 'file', () => false)
  if (exists === 'file') throw new Error(`${dir} 是文件而不是目录。请检查 STORAGE_DIR`)
  if (!exists) {
    // Not created here (a doctor only looks); the bot creates it on its first start.
    let parent = path.dirname(dir)
    while (!(await stat(parent).then(() => true, () => false))) parent = path.dirname(parent)
    await access(parent, constants.W_OK).catch(() => { throw new Error(`${dir} 不存在，且 ${parent} 不可写，无法创建。请检查 STORAGE_DIR 与目录权限`) })
    return `${dir} 尚不存在，首次启动时创建`
  }
  const probe = path.join(dir, `.doctor-${process.pid}`)
  try {
    await writeFile(probe, 'ok')
  } catch (err) {
    throw new Error(`${dir} 不可写（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。请检查 STORAGE_DIR 与目录权限`)
  } finally {
    await rm(probe, { force: true })
  }
  const bad = (await checkFiles(dir, DATA_FILES)).filter(r => !r.ok)
  if (bad.length > 0) throw new Error(`${bad.map(r => `${r.file}：${r.detail}`).join('；')}（修复：npm run storage -- restore 文件名）`)
  return `${dir} 可写，数据文件完好`
}

async function checkGateway (o: Options, timeoutMs: number): Promise<string> {
  const p = o.puppet
  if (p.kind === 'sandbox') return '沙盒模式，无需网关'
  if (p.kind === 'named') return `${p.name} 无法预先检查：npm start 后按提示扫码`
  try {
    await probeGateway(p, timeoutMs)
  } catch (err) {
    throw new Error(describeGatewayFailure([String((err as Error).message ?? err)], p))
  }
  return `已连上 ${p.endpoint}，令牌有效`
}

async function check (name: string, run: () => Promise<string>): Promise<Check> {
  try {
    return { name, ok: true, detail: await run() }
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message }
  }
}

export function formatChecks (checks: Check[]): string {
  const lines = checks.map(c => `${c.ok ? '✓' : '✗'} ${c.name}：${c.detail}`)
  const failed = checks.filter(c => !c.ok).length
  lines.push(failed === 0 ? '全部通过。' : `${failed} 项未通过，请按提示修改后再运行 npm run doctor。`)
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cwd = process.cwd()
  const hasEnv = await access(path.join(cwd, '.env')).then(() => true, () => false)
  if (hasEnv) loadDotenv({ path: path.join(cwd, '.env') })
  else process.stdout.write('（没有 .env 文件：使用环境变量与默认值）\n')
  const checks = await runDoctor(process.env, cwd)
  process.stdout.write(formatChecks(checks) + '\n')
  process.exit(checks.every(c => c.ok) ? 0 : 1)
}
