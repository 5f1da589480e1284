import { createTicket } from '../../src/complaints/create-ticket.js'
import { defaultDeadlines } from '../../src/complaints/deadline-schema.js'
import type { Ticket } from '../../src/complaints/ticket.js'

/** Shanghai wall time → Date. */
export const sh = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`)

export const deadlines = defaultDeadlines()

export function makeTicket (over: Partial<Parameters<typeof createTicket>[0]> = {}): Ticket {
  return createTicket({
    no: 1,
    text: '5号楼电梯坏了三天了没人修',
    category: 'elevator',
    bodies: ['property'],
    urgent: false,
    private: false,
    location: null,
    complainantId: 'wxid_zhang',
    roomId: 'room_owners',
    now: sh('2026-11-02 10:00'), // a Monday
    deadlines,
    ...over
  })
}
