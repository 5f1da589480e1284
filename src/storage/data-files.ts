import { auditSchema } from '../audit/audit-log.js'
import { seenSchema } from '../bot/seen-messages.js'
import { sessionSchema } from '../bot/sessions.js'
import { PENDING_STORE, pendingSchema } from '../features/complaints/pending-location.js'
import { CHUNK_FILE, chunkSchema, metaSchema } from '../features/complaints/ticket-store.js'
import { disclosureSchema, STORE_NAME as DISCLOSURE } from '../features/disclosure/disclosure-store.js'
import { meetingsSchema } from '../features/meetings/meetings-store.js'
import { questionsSchema } from '../features/questions/question-store.js'
import { surveysSchema } from '../features/survey/survey-store.js'
import { OUTBOX_LOG, outboxOpSchema } from '../outbox/outbox-log.js'
import { roleSchema } from '../roles/role-book.js'
import { OCCURRENCE_STORE as OCCURRENCES, occurrenceSchema } from '../schedule/occurrence-ledger.js'
import type { DataFile } from './check-files.js'

/**
 * Every data file the bot keeps, with the schema it must satisfy. All of them are validated
 * at start, before login (a file that fails stops the start), and by `npm run storage -- check`.
 * A new store or log is added here too.
 */
export const DATA_FILES: DataFile[] = [
  { kind: 'document', name: 'roles', about: '/角色 授予或撤销的角色', schema: roleSchema },
  { kind: 'document', name: 'audit', about: '特权指令的审计记录', schema: auditSchema },
  { kind: 'log', name: OUTBOX_LOG, about: '待发送和未能确认送达的消息', schema: outboxOpSchema },
  { kind: 'document', name: 'sessions', about: '等待某人回复的会话', schema: sessionSchema },
  { kind: 'document', name: 'seen-messages', about: '已处理消息的 id', schema: seenSchema },
  { kind: 'document', name: 'questions', about: '转交业委会的问题', schema: questionsSchema },
  { kind: 'document', name: 'complaints', about: '工单编号与索引', schema: metaSchema },
  { kind: 'document', name: CHUNK_FILE, about: '工单（每个文件 500 张）', schema: chunkSchema },
  { kind: 'document', name: PENDING_STORE, about: '等待补充位置的投诉', schema: pendingSchema },
  { kind: 'document', name: DISCLOSURE, about: '账目公示的版本与发送记录', schema: disclosureSchema },
  { kind: 'document', name: 'meetings', about: '会议通知与收到回执', schema: meetingsSchema },
  { kind: 'document', name: 'surveys', about: '意见征询', schema: surveysSchema },
  { kind: 'document', name: OCCURRENCES, about: '日程每次发送的记录', schema: occurrenceSchema }
]
