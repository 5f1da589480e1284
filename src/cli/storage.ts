// `npm run storage -- check`          validate every data file and print a report (exit 0 / 1)
// `npm run storage -- restore NAME`   restore NAME (e.g. roles.json) from its newest good generation
// Both take `--data DIR` (default: STORAGE_DIR or ./storage). Restore refuses while a bot runs.
import 'dotenv/config'
import path from 'node:path'
import { StartupError } from '../app/startup-error.js'
import { readOptions } from '../config/read-env-options.js'
import { checkFiles } from '../storage/check-files.js'
import { DATA_FILES } from '../app/data-files.js'
import { goodGenerations, restoreFile } from '../storage/restore-file.js'

const USAGE = '用法：npm run storage -- check [--data 目录] | restore 文件名 [--data 目录]'

export async function storageCli (argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const at = argv.indexOf('--data')
  const dir = at >= 0 && argv[at + 1] !== undefined ? path.resolve(argv[at + 1]!) : readOptions().storageDir
  const [command, name] = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv
  if (command === 'check') {
    const reports = await checkFiles(dir, DATA_FILES)
    for (const r of reports) {
      print(`${r.ok ? '✓' : '✗'} ${path.relative(dir, r.file)}：${r.detail}`)
      if (r.ok || !r.file.endsWith('.json')) continue
      const good = await goodGenerations(r.file, DATA_FILES)
      print(good.length === 0 ? '    没有完好的备份' : `    完好的备份：${good.map(g => `${path.basename(g.file)}（写于 ${g.writtenAt.toISOString()}）`).join('，')}`)
    }
    const bad = reports.filter(r => !r.ok).length
    print(bad === 0 ? `${dir}：全部 ${reports.length} 个文件完好。` : `${dir}：${bad} 个文件无法读取，见上（修复：npm run storage -- restore 文件名）。`)
    return bad === 0 ? 0 : 1
  }
  if (command === 'restore' && name !== undefined) {
    try {
      print((await restoreFile(dir, name, DATA_FILES)).message)
      return 0
    } catch (err) {
      if (!(err instanceof StartupError)) throw err
      print(err.message)
      return 1
    }
  }
  print(USAGE)
  return 2
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('cli', 'storage.ts'))) {
  storageCli(process.argv.slice(2)).then(code => process.exit(code), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
