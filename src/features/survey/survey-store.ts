import { z } from 'zod'
import type { App } from '../../app/types.js'
import { lastCompletePeriod, periodOfDate } from '../../ledger/period.js'
import { DAY_MS, shanghaiDate } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { renderSurveyInvitation } from '../../survey/render-survey.js'
import type { Survey } from '../../survey/survey.js'

export interface SurveysData { nextId: number, surveys: Survey[] }

export const surveysSchema = z.object({
  nextId: z.number().int().positive(),
  surveys: z.array(z.object({ id: z.number(), title: z.string(), status: z.enum(['open', 'closed', 'published']), responses: z.record(z.string(), z.unknown()) }))
})

export const emptySurveys = (): SurveysData => ({ nextId: 1, surveys: [] })

export async function openSurveys (app: Pick<App, 'storage'>): Promise<Store<SurveysData>> {
  return await app.storage.open('surveys', emptySurveys, { schema: surveysSchema })
}

/**
 * Opens the survey of the half-year that `at` falls in (or ends) and returns its invitation.
 * Idempotent per opening time: a broadcast resumed after a restart gets the same survey.
 */
export async function openSurvey (app: Pick<App, 'storage'>, at: Date, openDays: number): Promise<string> {
  const store = await openSurveys(app)
  const openedAt = at.toISOString()
  let survey = store.data.surveys.find(s => s.openedAt === openedAt)
  if (survey === undefined) {
    // June's survey is about the first half-year; December's about the second
    const period = periodOfDate(shanghaiDate(at))
    const about = period.half === 1 && shanghaiDate(at).slice(5, 7) === '01' ? lastCompletePeriod(shanghaiDate(at)) : period
    store.update(d => {
      // one survey at a time: a running one ends now, and the next tick reports its result as usual
      for (const s of d.surveys) if (s.status === 'open' && s.closesAt > openedAt) s.closesAt = openedAt
      survey = {
        id: d.nextId++,
        title: `${about.label}物业服务意见征询`,
        openedAt,
        closesAt: new Date(at.getTime() + openDays * DAY_MS).toISOString(),
        status: 'open',
        responses: {}
      }
      d.surveys.push(survey)
    })
    await store.flush()
  }
  return renderSurveyInvitation(survey!)
}
