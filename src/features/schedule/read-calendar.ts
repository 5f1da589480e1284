import type { App } from '../../app/types.js'
import { calendarSchema, type Calendar } from '../../schedule/calendar-schema.js'

/**
 * The compound's `calendar:` section with defaults. Parsing an already parsed calendar gives
 * the same value, so this works whether or not the compound schema has mounted calendarSchema.
 */
export function readCalendar (app: Pick<App, 'compound'>): Calendar {
  const result = calendarSchema.safeParse((app.compound as { calendar?: unknown }).calendar ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`小区配置 calendar.${issue?.path.join('.') ?? ''} 有误：${issue?.message ?? ''}`)
  }
  return result.data
}
