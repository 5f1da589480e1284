// `npm run ledger -- import FILE`   check a treasurer's spreadsheet and store it as a draft
// `npm run ledger -- check FILE`    check only, store nothing
// `npm run ledger -- preview [--png OUT.png]`   the latest draft (or published) statement
// A draft imported here is sent to the chair for confirmation when the bot next starts. Stop
// the bot first: it keeps the ledger in memory and would overwrite a change made meanwhile.
import 'dotenv/config'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'
import { readOptions } from '../config/read-env-options.js'
import { loadCompound } from '../config/load-compound.js'
import { DATA_FILES } from '../app/data-files.js'
import { Storage } from '../storage/storage.js'
import { parseLedgerFile } from '../ledger/parse-ledger-file.js'
import { renderLedgerErrors } from '../ledger/render-ledger-errors.js'
import { importWarnings } from '../ledger/import-warnings.js'
import { shanghaiDate } from '../clock/shanghai-time.js'
import { addDraft, emptyBook, latestDraft, publishedVersions } from '../ledger/ledger-book.js'
import { buildStatement } from '../ledger/build-statement.js'
import { renderStatementText } from '../ledger/render-statement-text.js'
import { renderStatementImage } from '../ledger/render-statement-image.js'
import { disclosureSchema, emptyDisclosure, STORE_NAME, type DisclosureData } from '../features/disclosure/disclosure-store.js'

const USAGE = '用法：npm run ledger -- import 文件.xlsx | check 文件.csv | preview [--png 输出.png]'

async function compoundName (file: string): Promise<string> {
  try {
    return (await loadCompound(file)).name
  } catch {
    return '本小区'
  }
}

async function main (argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv
  const options = readOptions()
  const name = await compoundName(options.compoundFile)
  if (command === 'import' || command === 'check') {
    if (file === undefined) { console.error(USAGE); return 2 }
    const parsed = await parseLedgerFile(path.basename(file), await readFile(file))
    if (!parsed.ok) { console.error(renderLedgerErrors(path.basename(file), parsed.errors)); return 1 }
    for (const note of parsed.notes) console.log(`· ${note}`)
    for (const warning of importWarnings(parsed.value, shanghaiDate(new Date()))) console.log(`· 请留意：${warning}`)
    if (command === 'check') {
      const { book, version } = addDraft(emptyBook(), parsed.value, { source: file, by: 'cli', at: new Date() })
      console.log(renderStatementText(buildStatement(book, version), { compoundName: name, preview: true }))
      console.log(`\n文件无误（${parsed.value.entries.length}笔），未保存。`)
      return 0
    }
    const storage = new Storage(options.storageDir, undefined, { files: DATA_FILES })
    const store = await storage.open<DisclosureData>(STORE_NAME, emptyDisclosure, { schema: disclosureSchema })
    // the CLI records its own wall time: this is when the file was imported, not a schedule
    store.update(d => { d.book = addDraft(d.book, parsed.value, { source: path.basename(file), by: 'cli', at: new Date() }).book })
    await storage.close()
    const draft = latestDraft(store.data.book)!
    console.log(renderStatementText(buildStatement(store.data.book, draft), { compoundName: name, preview: true }))
    console.log(`\n已保存为第${draft.id}版草稿（${options.storageDir}）。机器人下次启动时会把预览发给业委会主任确认。`)
    return 0
  }
  if (command === 'preview') {
    const storage = new Storage(options.storageDir, undefined, { files: DATA_FILES })
    const store = await storage.open<DisclosureData>(STORE_NAME, emptyDisclosure, { schema: disclosureSchema })
    await storage.close() // read only: let the bot have the directory again
    const version = latestDraft(store.data.book) ?? publishedVersions(store.data.book).at(-1)
    if (version === undefined) { console.log('还没有导入过账目。'); return 0 }
    const statement = buildStatement(store.data.book, version)
    const preview = version.status === 'draft'
    console.log(renderStatementText(statement, { compoundName: name, preview }))
    const png = file === '--png' ? rest[0] : undefined
    if (png !== undefined) {
      await writeFile(png, renderStatementImage(statement, { compoundName: name, preview }))
      console.log(`表格图片已写入 ${png}`)
    }
    return 0
  }
  console.error(USAGE)
  return 2
}

main(process.argv.slice(2)).then(code => { process.exitCode = code }, err => {
  console.error(`ledger 失败：${err instanceof StartupError ? err.message : (err as Error).stack ?? String(err)}`)
  process.exitCode = 1
})
