// Phone numbers never go to a group in full: mobiles keep the first 3 and last 4 digits,
// landlines the area code and last 2.

const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})[- ]?(\d{3,6})(\d{2})(?!\d)/g

export function maskPhones (text: string): string {
  return text
    .replace(MOBILE, (_m, cc: string | undefined, a: string, _b: string, c: string) => `${cc ?? ''}${a}****${c}`)
    .replace(LANDLINE, (_m, area: string, mid: string, end: string) => `${area}-${'*'.repeat(mid.length)}${end}`)
}
