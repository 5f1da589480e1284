import type { Role } from '../app/types.js'

/** How roles are named to people, and the words the chair may type for them in /角色. */
export const ROLE_NAMES: Record<Role, string> = {
  owner: '业主',
  committee: '业委会委员',
  chair: '业委会主任',
  property: '物业',
  residents: '居委会',
  party: '党组织',
  treasurer: '财务'
}

const ALIASES: Record<string, Role> = {
  业主: 'owner',
  委员: 'committee',
  业委会: 'committee',
  业委会委员: 'committee',
  主任: 'chair',
  业委会主任: 'chair',
  物业: 'property',
  居委会: 'residents',
  党组织: 'party',
  支部: 'party',
  财务: 'treasurer',
  出纳: 'treasurer'
}

export function parseRole (word: string): Role | undefined {
  if (word in ROLE_NAMES) return word as Role
  return ALIASES[word]
}
