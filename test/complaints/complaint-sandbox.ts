import { parseShanghai } from '../../src/clock/shanghai-time.js'
import { openSandbox, type Harness } from '../helpers/sandbox-harness.js'

// Shared by the complaint end-to-end tests: the chats, and a sandbox opened on Monday
// 2026-12-07 09:00 Beijing time, a working day with no holiday nearby.
export const OWNERS = '阳光花园业主群'
export const PROPERTY = '物业服务群'
export const JOINT = '四位一体工作群'

export async function openOnMonday (): Promise<Harness> {
  return await openSandbox({ start: parseShanghai('2026-12-07 09:00') })
}

export const joined = (texts: string[]): string => texts.join('\n')
