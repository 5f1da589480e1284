import { toSimplified } from '../text/to-simplified.js'
import { MEETING_TYPE_ALIASES, MEETING_TYPES, type MeetingType } from './meeting-types.js'
import { looksLikeDate, meetingInstant, parseMeetingClock, parseMeetingDate } from './parse-meeting-time.js'

export interface MeetingDraft {
  type: MeetingType
  at: Date
  place: string
  topic: string
  /** set when the meeting is called as an extraordinary (临时) meeting */
  extraordinary?: { reason: string }
}

export type ParseMeetingResult = { ok: true, draft: MeetingDraft } | { ok: false, message: string }

export const MEETING_USAGE =
  '格式：/会议 新建 类型 日期 时间 地点 议题\n' +
  `类型：${MEETING_TYPES.join('、')}\n` +
  '例如：/会议 新建 业主大会 2027-01-20 19:30 小区会所 审议物业服务合同续签\n' +
  '临时会议在类型前加「临时」，并在最后写明原因，例如：/会议 新建 临时业主大会 1月10日 19:30 小区会所 电梯抢修 原因：3号楼电梯停运'

const REASON = /(?:^|\s)(?:原因|理由)\s*[:：]\s*(.+)$/
const EXTRA_MARK = /^临时|[(（]临时[)）]$/

const fail = (message: string): ParseMeetingResult => ({ ok: false, message: `${message}\n\n${MEETING_USAGE}` })

/** Reads the words after "/会议 新建"; `now` resolves dates written without a year. */
export function parseMeetingCommand (rest: string, now: Date): ParseMeetingResult {
  let text = toSimplified(rest).replace(/\s+/g, ' ').trim()
  let reason: string | undefined
  const reasonMatch = REASON.exec(text)
  if (reasonMatch !== null) {
    reason = reasonMatch[1]?.trim()
    text = text.slice(0, reasonMatch.index).trim()
  }
  const [typeWord = '', dateWord = '', clockWord = '', place = '', ...topicWords] = text.split(' ')
  const extraordinary = EXTRA_MARK.test(typeWord)
  const type = MEETING_TYPE_ALIASES[typeWord.replace(EXTRA_MARK, '')]
  if (type === undefined) return fail(typeWord === '' ? '请写明会议类型。' : `不认识会议类型「${typeWord}」。`)
  const date = parseMeetingDate(dateWord, now)
  if (date === undefined) {
    return fail(looksLikeDate(dateWord)
      ? `日期「${dateWord}」不存在，请检查月份和日期。`
      : `日期「${dateWord}」看不懂，请写成 2027-01-20、1月20日或「明天」。`)
  }
  const clock = parseMeetingClock(clockWord)
  if (clock === undefined) return fail(`时间「${clockWord}」看不懂，请写成 19:30。`)
  const topic = topicWords.join(' ').trim()
  if (place === '' || topic === '') return fail('请写明会议地点和议题。')
  if ([...place].length > 30) return fail('地点太长了（最多30个字）。')
  if ([...topic].length > 100) return fail('议题太长了（最多100个字），详细内容可另发文件。')
  if (extraordinary && (reason === undefined || reason === '')) {
    return fail('临时会议请在最后写明原因，例如「原因：3号楼电梯停运需紧急维修」。')
  }
  return {
    ok: true,
    draft: {
      type,
      at: meetingInstant(date, clock),
      place,
      topic,
      ...(extraordinary && reason !== undefined && { extraordinary: { reason } })
    }
  }
}
