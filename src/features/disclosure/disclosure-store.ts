import { z } from 'zod'
import type { App } from '../../app/types.js'
import { emptyBook, type LedgerBook } from '../../ledger/ledger-book.js'
import type { Store } from '../../storage/storage.js'

export interface DisclosureData {
  book: LedgerBook
  /** versionId → target → posted. Marked (and flushed) before the hand-off to the outbox. */
  posts: Record<string, Record<string, 'sent'>>
  /** draft ids whose preview the chair has been sent (drafts imported by the CLI are sent on start) */
  previewed: number[]
}

export const STORE_NAME = 'disclosure-ledger'

export const disclosureSchema = z.object({
  book: z.object({ versions: z.array(z.object({ id: z.number() })) }),
  posts: z.record(z.string(), z.record(z.string(), z.literal('sent'))),
  previewed: z.array(z.number())
})

export const emptyDisclosure = (): DisclosureData => ({ book: emptyBook(), posts: {}, previewed: [] })

export async function openDisclosure (app: Pick<App, 'storage'>): Promise<Store<DisclosureData>> {
  return await app.storage.open(STORE_NAME, emptyDisclosure, { schema: disclosureSchema })
}
