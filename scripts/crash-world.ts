// The crash test's compound: the demo people plus 300 owners in 20 owner groups.
export const OWNER_GROUPS = 20
export const OWNERS = 300
export const ownerId = (n: number): string => `wxid_owner_${n}`
export const groupId = (n: number): string => n === 0 ? 'yangguang-owners@chatroom' : `owners-${n}@chatroom`
export const START = new Date('2027-01-06T02:00:00Z') // Wednesday 10:00 in Beijing
