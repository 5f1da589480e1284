import { mkdir } from 'node:fs/promises'
console.log('a')
try { await mkdir('/proc/xiaoqu', { recursive: true }) } catch (e) { console.log('err', e) }
console.log('b')
