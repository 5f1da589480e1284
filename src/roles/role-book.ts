import { z } from 'zod'
import type { Role, RoleBook } from '../app/types.js'
import type { Compound } from '../config/compound-schema.js'
import type { Store } from '../storage/storage.js'

export interface RoleData {
  people: Record<string, { name?: string, roles: Role[], revoked: Role[] }>
}

export const roleSchema = z.object({
  people: z.record(z.string(), z.object({ name: z.string().optional(), roles: z.array(z.string()), revoked: z.array(z.string()) }))
})

export const emptyRoles = (): RoleData => ({ people: {} })

/** Revoking the only chair would leave nobody able to grant roles: the bot would be locked. */
export function wouldRemoveLastChair (book: Pick<RoleBook, 'membersOf'>, id: string, role: Role): boolean {
  return role === 'chair' && book.membersOf('chair').every(c => c === id)
}

/**
 * Roles keyed by contact id, never by nickname: anyone can rename themselves 业委会主任.
 * The YAML roster presets roles; the chair's `/角色` grants and revocations are stored and
 * win over the roster (a revoked roster role stays revoked).
 */
export function createRoleBook (store: Store<RoleData>, roster: Compound['roster']): RoleBook {
  const entry = (id: string) => store.data.people[id] ?? { roles: [], revoked: [] }
  const rosterRoles = new Map(roster.map(r => [r.id, r]))

  const rolesOf = (id: string): ReadonlySet<Role> => {
    const stored = entry(id)
    const preset = (rosterRoles.get(id)?.roles ?? []).filter(r => !stored.revoked.includes(r))
    return new Set<Role>(['owner', ...preset, ...stored.roles])
  }

  const membersOf = (role: Role): string[] => {
    const ids = new Set([...roster.map(r => r.id), ...Object.keys(store.data.people)])
    return [...ids].filter(id => rolesOf(id).has(role))
  }

  return {
    rolesOf,
    has: (id, role) => {
      const roles = rolesOf(id)
      return roles.has(role) || roles.has('chair')
    },
    membersOf,
    grant: (id, role, name) => store.update(d => {
      const e = d.people[id] ??= { roles: [], revoked: [] }
      if (name) e.name = name
      if (!e.roles.includes(role)) e.roles.push(role)
      e.revoked = e.revoked.filter(r => r !== role)
    }),
    revoke: (id, role) => store.update(d => {
      const e = d.people[id] ??= { roles: [], revoked: [] }
      e.roles = e.roles.filter(r => r !== role)
      if (!e.revoked.includes(role)) e.revoked.push(role)
    }),
    nameOf: id => store.data.people[id]?.name ?? rosterRoles.get(id)?.name
  }
}
