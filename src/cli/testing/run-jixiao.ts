import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `jixiao …` as a user does: a real process on the PGlite folder `dataDir` (never DATABASE_URL). */
export async function runJixiao(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/jixiao.js', ...args], {
      env: { ...process.env, JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    // a non-zero exit is a result the tests look at, not a failure of the harness
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A fresh, empty data folder under the system temp folder, named after the test. */
export function createDataDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `jixiao-${name}-`))
}
