import { z } from 'zod'
import type { Storage, Store } from '../../storage/storage.js'

/** A question the bot could not answer, handed to the committee (Q12). */
export interface OpenQuestion {
  number: number
  text: string
  askerId: string
  askerName: string
  /** the group it was asked in; null in private */
  roomId: string | null
  askedAt: string
  status: 'open' | 'answered' | 'collected'
  answer?: string
  answeredBy?: string
  answeredAt?: string
}

interface Data {
  next: number
  questions: OpenQuestion[]
  /** Shanghai date (YYYY-MM-DD) of the last morning digest of open questions to the committee */
  lastDigest?: string
}

export const questionsSchema = z.object({
  next: z.number().int().positive(),
  questions: z.array(z.object({ number: z.number(), text: z.string(), askerId: z.string(), status: z.enum(['open', 'answered', 'collected']) }))
})

// Hand-offs are few (the committee answers each one by hand): one small file is enough.
export class QuestionStore {
  private constructor (private readonly store: Store<Data>) {}

  static async open (storage: Storage): Promise<QuestionStore> {
    return new QuestionStore(await storage.open<Data>('questions', () => ({ next: 1, questions: [] }), { schema: questionsSchema }))
  }

  add (q: Omit<OpenQuestion, 'number' | 'status'>): OpenQuestion {
    const question: OpenQuestion = { ...q, number: this.store.data.next, status: 'open' }
    this.store.update(d => { d.questions.push(question); d.next += 1 })
    return question
  }

  get (number: number): OpenQuestion | undefined {
    return this.store.data.questions.find(q => q.number === number)
  }

  open (): OpenQuestion[] {
    return this.store.data.questions.filter(q => q.status === 'open')
  }

  get lastDigest (): string | undefined { return this.store.data.lastDigest }

  /** Record the day's digest as sent, on disk before it is sent: a restart never sends it twice. */
  async markDigest (day: string): Promise<void> {
    this.store.update(d => { d.lastDigest = day })
    await this.store.flush()
  }

  update (number: number, change: Partial<OpenQuestion>): void {
    this.store.update(d => {
      const q = d.questions.find(x => x.number === number)
      if (q) Object.assign(q, change)
    })
  }
}

/** `Q12`, `q12`, `Ｑ12` or `12` → 12. */
export function parseQuestionNumber (word: string | undefined): number | undefined {
  const m = /^[qQ]?(\d{1,6})$/.exec(word?.trim() ?? '')
  return m ? Number(m[1]) : undefined
}
