import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

// `npm run bench`: runs every bench/*.bench.ts in its own process (so peak memory is its own) and
// prints each one's output. Figures are ratios measured within one run; no timing is a pass/fail test.
const only = process.argv.slice(2)
const folder = 'bench'
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
if (files.length === 0) {
  console.log('no benchmark matched', only.join(' '))
  process.exit(0)
}
let failed = 0
for (const file of files) {
  console.log(`\n=== ${file}`)
  const result = spawnSync(process.execPath, ['--expose-gc', 'bin/run-ts.js', path.join(folder, file)], {
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    failed++
    console.log(`!!! ${file} exited with ${result.status}`)
  }
}
if (!existsSync('../shared/data'))
  console.log('\nnote: ../shared/data is missing; data-based benchmarks report that and skip')
process.exit(failed ? 1 : 0)
