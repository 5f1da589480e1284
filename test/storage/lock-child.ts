// One contender for a data directory (test/storage/directory-lock.test.ts bundles this file so
// that 40 copies start without the TypeScript loader): prints "ready", waits for "go" on stdin,
// then tries to take the directory as Storage.start does and prints "locked" or "refused …".
// A holder keeps the lock until stdin closes.
import readline from 'node:readline'
import { lockDirectory } from '../../src/storage/directory-lock.js'

const say = (text: string): void => { process.stdout.write(text + '\n') }
const lines = readline.createInterface({ input: process.stdin })
lines.once('line', () => {
  lockDirectory(process.argv[2]!).then(release => {
    say('locked')
    lines.once('close', () => { void release().then(() => process.exit(0)) })
  }, (err: Error) => { say(`refused ${err.message}`); process.exit(0) })
})
say('ready')
