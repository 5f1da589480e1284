import { groupId, OWNER_GROUPS } from './crash-world.js'

// What the crash test checks, from the messages the bot delivered across all its runs:
// - confirmed: tickets the complainant was told about (已登记 #N), acceptances the body was
//   told about (已受理工单 #N), statement versions the chair was told were published;
// - lost: a confirmed ticket or acceptance the restarted bot no longer knows;
// - duplicates: a message about a ticket or a statement, or the answer to an owner's one plain
//   question, delivered twice to the same chat;
// - unreported_undelivered: a ticket's card, or a published statement for one owner group,
//   neither delivered nor reported to the chair.

export interface Delivered { chat: string, text: string, cycle: number }
type Ask = (talker: string, room: string | undefined, text: string) => Promise<string>

const CHAIR = '私聊 赵主任'
const numbers = (log: Delivered[], pattern: RegExp): number[] =>
  [...new Set(log.flatMap(m => [...m.text.matchAll(pattern)].map(x => Number(x[1]))))].sort((a, b) => a - b)

const topicOf = (n: number): string => n === 0 ? '阳光花园业主群' : `阳光花园${n}号楼业主群`
const chatOf = (n: number): string => n === 0 ? '阳光花园业主群' : groupId(n)

/** "@业主12 已登记 #7" → ticket 7 promised to 业主12 (whose complaint named a known place). */
function promises (seen: Delivered[]): Array<{ no: number, owner: string }> {
  const found = new Map<string, { no: number, owner: string }>()
  for (const m of seen) {
    for (const x of m.text.matchAll(/@(业主\d+) 已登记(?:工单)? #(\d+)/g)) found.set(`${x[1]}#${x[2]}`, { owner: x[1]!, no: Number(x[2]) })
  }
  return [...found.values()]
}

export async function auditDelivery (log: Delivered[], placeOf: Map<string, string>, askers: Set<string>, ask: Ask): Promise<Record<string, number>> {
  const seen = [...log]
  const promised = promises(seen)
  const tickets = [...new Set(promised.map(p => p.no))].sort((a, b) => a - b)
  const accepted = numbers(seen.filter(m => m.chat === '物业服务群' || m.chat === '私聊 刘经理'), /已受理工单 #(\d+)/g)
  const published = numbers(seen.filter(m => m.chat === CHAIR), /已发布.*?（第(\d+)版/g)

  let duplicates = 0
  const counts = new Map<string, number>()
  for (const m of seen) {
    const toAsker = askers.has(/^@(业主\d+) /.exec(m.text)?.[1] ?? '')
    if (!/#\d+|第\d+版|\[文件\]/.test(m.text) && !toAsker) continue
    const key = `${m.chat}\n${m.text}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const n of counts.values()) duplicates += n - 1

  const toChair = seen.filter(m => m.chat === CHAIR).map(m => m.text).join('\n')
  let unreported = 0
  for (const no of tickets) {
    const carded = seen.some(m => m.chat === '物业服务群' && m.text.includes(`#${no}`) && /新工单|紧急工单/.test(m.text))
    if (!carded && !toChair.includes(`#${no}`)) unreported++
  }
  for (const v of published) {
    for (let g = 0; g < OWNER_GROUPS; g++) {
      const got = seen.some(m => m.chat === chatOf(g) && new RegExp(`\\[文件\\] 收支(?:公示|更正)-\\d{4}H\\d-第${v}版\\.png`).test(m.text))
      if (!got && !toChair.includes(topicOf(g))) unreported++
    }
  }

  // A ticket is kept when /工单 N still shows the place its complainant named: two owners told
  // the same number means one of them lost theirs.
  let lost = 0
  const answers = new Map<number, string>()
  for (const no of tickets) answers.set(no, await ask('wxid_zhao_zhuren', undefined, `/工单 ${no}`))
  for (const { no, owner } of promised) {
    const answer = answers.get(no) ?? ''
    if (!answer.includes(`#${no}`) || !answer.includes(placeOf.get(owner) ?? '?')) lost++
  }
  for (const no of accepted) if (/待受理/.test(answers.get(no) ?? '待受理')) lost++
  return { confirmed: promised.length + accepted.length + published.length, lost, duplicates, unreported_undelivered: unreported }
}
