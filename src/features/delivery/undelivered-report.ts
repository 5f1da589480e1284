import type { Undelivered } from '../../app/types.js'

// What the chair reads about messages the outbox could not confirm, grouped per group or
// person, each with the one command that repairs it. The chair is not technical: no ids
// without the command that uses them.

const PREVIEW = 24

/** The statement part a key names (see statementKey in disclosure/statement-post.ts). */
function statementPart (key: string | undefined): { version: string, part: number } | undefined {
  const m = key === undefined ? null : /^statement:(\d+):.*:(\d+)$/.exec(key)
  return m === null ? undefined : { version: m[1]!, part: Number(m[2]) + 1 }
}

function summary (u: Undelivered): string {
  const statement = statementPart(u.key)
  if (statement !== undefined) return `收支公示第${statement.version}版（第${statement.part}条）`
  if (u.fileName !== undefined) return `文件「${u.fileName}」`
  const text = (u.text ?? '').replace(/\s+/g, ' ')
  return `「${text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text}」`
}

function remedy (items: Undelivered[]): string[] {
  const statements = items.filter(u => statementPart(u.key) !== undefined)
  const others = items.filter(u => statementPart(u.key) === undefined)
  return [
    ...(statements.length > 0 ? ['发送「/公示 补发」重发公示未确认的部分'] : []),
    ...(others.length > 0 ? [`发送「/重发 ${others.map(u => u.id).join(' ')}」重发`] : [])
  ]
}

/** Lines per target: `· 名称：摘要（编号N）…——命令`. Not `#N`: that is a ticket. `names` maps a target to its readable name. */
export function renderUndelivered (items: Undelivered[], names: Map<string, string>, withReason = false): string[] {
  const byTarget = new Map<string, Undelivered[]>()
  for (const u of items) byTarget.set(u.target, [...(byTarget.get(u.target) ?? []), u])
  return [...byTarget.entries()].map(([target, list]) => {
    const what = list.map(u => `${summary(u)}（编号${u.id}${withReason && u.reason !== undefined ? `，${u.reason}` : ''}）`).join('、')
    return `· ${names.get(target) ?? target}：${what}——${remedy(list).join('；')}`
  })
}

/** The report sent once per start, and when messages are refused while running. */
export function renderUndeliveredReport (items: Undelivered[], names: Map<string, string>): string | undefined {
  const unconfirmed = items.filter(u => u.state === 'unconfirmed')
  const failed = items.filter(u => u.state === 'failed')
  if (items.length === 0) return undefined
  return [
    ...(unconfirmed.length > 0
      ? ['【发送中断】机器人上次停止时，下面的消息正在发送，无法确认对方是否收到。为免重复，没有自动重发：', ...renderUndelivered(unconfirmed, names)]
      : []),
    ...(failed.length > 0 ? ['【发送失败】下面的消息微信拒绝发送，没有发出：', ...renderUndelivered(failed, names, true)] : []),
    '如已确认对方收到，或不必再发，发送「/重发 作废 编号」不再列出。发送「/重发」查看全部。'
  ].join('\n')
}
