// Ticket states as data, FixMyStreet style: code asks a state for its type (open or
// fixed), never compares state names. Editing this table changes the workflow.

export const STATE_TYPES = ['open', 'fixed', 'closed'] as const
export type StateType = typeof STATE_TYPES[number]

export const TICKET_STATES = {
  new: { label: '待受理', type: 'open' },
  acknowledged: { label: '已受理', type: 'open' },
  in_progress: { label: '处理中', type: 'open' },
  transferred: { label: '已转办', type: 'open' },
  /** "not ours": back to the owners' committee for triage */
  returned: { label: '已退回', type: 'open' },
  reopened: { label: '重新打开', type: 'open' },
  closed: { label: '已办结', type: 'fixed' },
  /** a false or mistaken ticket taken back: off every agenda, counted apart in /统计 */
  withdrawn: { label: '已撤销', type: 'closed' }
} as const satisfies Record<string, { label: string, type: StateType }>
export type TicketState = keyof typeof TICKET_STATES

const OPEN = ['new', 'acknowledged', 'in_progress', 'transferred', 'returned', 'reopened'] as const satisfies readonly TicketState[]

/** Allowed transitions: an action may start from any state in `from`. */
export const TICKET_ACTIONS = {
  acknowledge: { label: '受理', from: ['new', 'transferred', 'returned', 'reopened'], to: 'acknowledged' },
  reply: { label: '回复', from: OPEN, to: 'in_progress' },
  transfer: { label: '转办', from: OPEN, to: 'transferred' },
  // 办结 before 受理 is allowed: a repair done on the spot needs no separate 受理.
  close: { label: '办结', from: OPEN, to: 'closed' },
  return: { label: '退回', from: ['new', 'acknowledged', 'in_progress', 'transferred', 'reopened'], to: 'returned' },
  reopen: { label: '重新打开', from: ['closed'], to: 'reopened' },
  withdraw: { label: '撤销', from: OPEN, to: 'withdrawn' }
} as const satisfies Record<string, { label: string, from: readonly TicketState[], to: TicketState }>
export type TicketAction = keyof typeof TICKET_ACTIONS

export const stateType = (state: TicketState): StateType => TICKET_STATES[state].type
export const stateLabel = (state: TicketState): string => TICKET_STATES[state].label
export const isOpenState = (state: TicketState): boolean => stateType(state) === 'open'

/** The state after `action`, or undefined when the table does not allow it. */
export function nextState (state: TicketState, action: TicketAction): TicketState | undefined {
  const rule = TICKET_ACTIONS[action]
  return (rule.from as readonly TicketState[]).includes(state) ? rule.to : undefined
}
