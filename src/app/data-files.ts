import { AUDIT_LOG, auditEntrySchema, auditSchema } from '../audit/audit-log.js'
import { SEEN_LOG, seenEntrySchema } from '../bot/seen-messages.js'
import { SESSIONS_LOG, sessionEntrySchema, sessionSchema } from '../bot/sessions.js'
import { CORRECTIONS_STORE, correctionsFileSchema } from '../complaints/corrections.js'
import { PENDING_STORE, pendingSchema } from '../features/complaints/pending-location.js'
import { CHUNK_FILE, chunkSchema, metaSchema, TICKET_LOG, ticketSchema } from '../features/complaints/ticket-store.js'
import { disclosureSchema, STORE_NAME as DISCLOSURE } from '../features/disclosure/disclosure-store.js'
import { meetingsSchema } from '../features/meetings/meetings-store.js'
import { questionsSchema } from '../features/questions/question-store.js'
import { surveysSchema } from '../features/survey/survey-store.js'
import { OUTBOX_LOG, outboxOpSchema } from '../outbox/outbox-log.js'
import { roleSchema } from '../roles/role-book.js'
import { OCCURRENCE_STORE as OCCURRENCES, occurrenceSchema } from '../schedule/occurrence-ledger.js'
import type { DataFile } from '../storage/check-files.js'

/**
 * Every data file the bot keeps, with the schema it must satisfy. All of them are validated
 * at start, before login (a file that fails stops the start), and by `npm run storage -- check`.
 * A new store or log is added here too.
 */
export const DATA_FILES: DataFile[] = [
  { kind: 'document', name: 'roles', about: '/角色 授予或撤销的角色', schema: roleSchema },
  { kind: 'log', name: AUDIT_LOG, about: '特权指令的审计记录（每月一个文件）', schema: auditEntrySchema },
  { kind: 'document', name: 'audit', about: '旧版审计记录（启动时移入 audit/）', schema: auditSchema },
  { kind: 'log', name: OUTBOX_LOG, about: '待发送和未能确认送达的消息', schema: outboxOpSchema },
  { kind: 'log', name: SESSIONS_LOG, about: '等待某人回复的会话（按到期日分文件）', schema: sessionEntrySchema },
  { kind: 'document', name: 'sessions', about: '旧版会话（启动时移入 sessions-log/）', schema: sessionSchema },
  { kind: 'log', name: SEEN_LOG, about: '已处理消息的 id（按日分文件，保留三天）', schema: seenEntrySchema },
  { kind: 'document', name: 'questions', about: '转交业委会的问题', schema: questionsSchema },
  { kind: 'document', name: 'complaints', about: '旧版工单索引（不再读取：索引在启动时由工单重建）', schema: metaSchema },
  { kind: 'log', name: TICKET_LOG, about: '工单（每个文件 500 个编号，每次变更追加一行）', schema: ticketSchema },
  { kind: 'document', name: CHUNK_FILE, about: '旧版工单文件（启动时移入 tickets/）', schema: chunkSchema },
  { kind: 'document', name: PENDING_STORE, about: '等待补充位置的投诉', schema: pendingSchema },
  { kind: 'document', name: CORRECTIONS_STORE, about: '负责单位对分派的更正（转办、撤销），投诉分类即时参考', schema: correctionsFileSchema },
  { kind: 'document', name: DISCLOSURE, about: '账目公示的版本与发送记录', schema: disclosureSchema },
  { kind: 'document', name: 'meetings', about: '会议通知与收到回执', schema: meetingsSchema },
  { kind: 'document', name: 'surveys', about: '意见征询', schema: surveysSchema },
  { kind: 'document', name: OCCURRENCES, about: '日程每次发送的记录', schema: occurrenceSchema }
]
