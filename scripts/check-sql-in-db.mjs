// Lint: SQL lives only in src/db. Fails when a file elsewhere in src/ builds a query (Kysely's selectFrom,
// insertInto, updateTable, deleteFrom, with, or a sql`` template); dependency-cruiser sees imports, not calls
// on a handle passed in, so this check looks at the calls. Tests and their helpers may arrange data directly.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|with)\(\s*['"`]|\bsql`/
const isTestCode = (file) => /\.test\.tsx?$|\/testing\/|\/test-support\//.test(file)

// Files whose SQL has not moved into db yet; empty now, and it should stay so.
const known = new Set([])

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.posix.join(folder, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(file)
    else if (/\.tsx?$/.test(entry.name) && !isTestCode(file)) yield file
  }
}

const offenders = []
const moved = []
for (const folder of ['src/core', 'src/contracts', 'src/services', 'src/api', 'src/cli', 'src/web']) {
  for (const file of sourceFiles(folder)) {
    const hasSql = readFileSync(file, 'utf8')
      .split('\n')
      .some((line) => !/^\s*(\/\/|\*)/.test(line) && query.test(line))
    if (hasSql && !known.has(file)) offenders.push(file)
    if (!hasSql && known.has(file)) moved.push(file)
  }
}
if (moved.length) console.log(`SQL moved out of ${moved.join(', ')}: remove them from the known list`)
if (offenders.length) {
  console.error(
    `SQL outside src/db (move it into a repository or query module there):\n  ${offenders.join('\n  ')}`,
  )
  process.exit(1)
}
console.log('SQL only in src/db')
