import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import type { ImportIssue } from '../../db/import-repository.ts'
import { databaseHandleOf } from '../../db/open-database.ts'
import type { Logger } from '../telemetry/create-logger.ts'
import {
  type FileDetection,
  type ImportDeps,
  type ImportFileInput,
  type ImportFileResult,
  type ImportProgress,
  importFile,
} from './import-file.ts'
import type { StoredUpload } from './import-uploads.ts'
import { issuedBefore, timeOrderedId } from './time-ordered-id.ts'

// Imports (and dry-run validations) of uploaded files run as in-process jobs: the API answers at once with a
// job id, the wizard polls progress, and may cancel (the import's transaction rolls back). A validation runs the
// whole import — COPY, every SQL check — and stops before the first row is written, so nothing is kept.
// Jobs live in memory for an hour: the lasting record of an import is its row in `imports`. A job id issued
// before this server started names a job a restart ended: answered 410 (gone), saying nothing was imported,
// since an import writes its rows in one transaction.

export type ImportJobMode = 'validate' | 'import'
export type ImportJobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled'

export type ImportJobError = {
  code: string
  message: string
  issues: ErrorIssue[]
  /** Row-level problems (first 100), each naming row, column and value. */
  errors: ImportIssue[]
  /** How many problems there are in all. */
  errorCount: number
}

export type ImportJob = {
  id: string
  mode: ImportJobMode
  uploadId: string
  fileName: string
  status: ImportJobStatus
  progress: ImportProgress & { percent: number }
  /** The import's result; for a validation, the rows that would be imported and replaced (importId 0 unless already imported). */
  result: ImportFileResult | null
  error: ImportJobError | null
  startedAt: string
  finishedAt: string | null
}

export type ImportJobOptions = Omit<
  ImportFileInput,
  'companyId' | 'filePath' | 'fileName' | 'userId' | 'signal' | 'onProgress' | 'detection'
>

export type ImportJobs = {
  start(input: {
    companyId: number
    userId: number | null
    upload: StoredUpload
    options: ImportJobOptions
    /** The upload's detection, when made with the job's choices (the import does not detect the file again). */
    detection?: FileDetection
    mode: ImportJobMode
    /** Called once a real import succeeded (e.g. to delete the upload). */
    onImported?: (result: ImportFileResult) => Promise<void>
  }): { job: ImportJob; done: Promise<ImportJob> }
  get(companyId: number, id: string): ImportJob
  cancel(companyId: number, id: string): ImportJob
}

const phaseStart = { checking: 0, reading: 5, validating: 80, saving: 90, done: 100 } as const

function percentOf(p: ImportProgress): number {
  if (p.phase === 'reading' && p.totalBytes > 0)
    return Math.min(79, 5 + Math.floor((p.bytesRead / p.totalBytes) * 74))
  return phaseStart[p.phase]
}

/** Import jobs on the database a Kysely instance was opened with (COPY needs its handle). */
export function createImportJobsFor(db: Db, log?: Logger): ImportJobs {
  const handle = databaseHandleOf(db)
  if (!handle) throw new Error('imports need the database handle (open the database with openDatabase)')
  return createImportJobs({ db, handle, auditDb: db, log })
}

export function createImportJobs(
  deps: ImportDeps & { auditDb: Db; ttlMs?: number; now?: () => number; log?: Logger },
): ImportJobs {
  const ttlMs = deps.ttlMs ?? 60 * 60 * 1000
  const clock = deps.now ?? Date.now
  const startedAt = clock()
  const jobs = new Map<string, { job: ImportJob; companyId: number; controller: AbortController }>()

  const forget = () => {
    const now = Date.now()
    for (const [id, entry] of jobs)
      if (entry.job.finishedAt && now - Date.parse(entry.job.finishedAt) > ttlMs) jobs.delete(id)
  }

  const find = (companyId: number, id: string) => {
    const entry = jobs.get(id)
    if (entry && entry.companyId === companyId) return entry
    if (!entry && issuedBefore(id, startedAt))
      throw new DomainError(
        'gone',
        `导入任务 ${id} 已不在：服务器在此后重启过。若导入在重启前已完成，可在导入记录中看到；若被重启中断，则没有写入任何数据（导入在一个事务中写入），请重新上传并导入（import job ${id} is gone: the server restarted; an interrupted import wrote nothing）`,
      )
    throw new DomainError(
      'not_found',
      `导入任务 ${id} 不存在或已过期（任务保留一小时）（import job ${id} not found）`,
    )
  }

  return {
    start({ companyId, userId, upload, options, detection, mode, onImported }) {
      forget()
      const controller = new AbortController()
      const job: ImportJob = {
        id: timeOrderedId(clock()),
        mode,
        uploadId: upload.id,
        fileName: upload.fileName,
        status: 'running',
        progress: { phase: 'checking', bytesRead: 0, totalBytes: upload.sizeBytes, percent: 0 },
        result: null,
        error: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
      }
      jobs.set(job.id, { job, companyId, controller })
      const finish = (status: ImportJobStatus) => {
        job.status = status
        job.finishedAt = new Date().toISOString()
      }
      const run = async (): Promise<ImportJob> => {
        try {
          const result = await importFile(
            { db: deps.db, handle: deps.handle },
            {
              ...options,
              companyId,
              filePath: upload.filePath,
              fileName: upload.fileName,
              userId,
              dryRun: mode === 'validate',
              detection,
              signal: controller.signal,
              onProgress: (p) => {
                job.progress = { ...p, rows: p.rows ?? job.progress.rows, percent: percentOf(p) }
              },
            },
          )
          job.result = result
          job.progress = { ...job.progress, phase: 'done', percent: 100, rows: result.rows }
          if (mode === 'import' && result.status === 'imported') {
            await appendAudit(deps.auditDb, {
              companyId,
              actorUserId: userId,
              action: 'import.completed',
              entity: 'import',
              entityId: result.importId,
              after: { ...result, fileName: upload.fileName },
            })
            await onImported?.(result)
          }
          finish('succeeded')
        } catch (error) {
          if (controller.signal.aborted) {
            job.error = {
              code: 'cancelled',
              message: `${upload.fileName}: cancelled; nothing imported`,
              issues: [],
              errors: [],
              errorCount: 0,
            }
            finish('cancelled')
          } else if (error instanceof DomainError) {
            const errors = (error.details?.errors as ImportIssue[] | undefined) ?? []
            job.error = {
              code: error.code,
              message: error.message,
              issues: error.issues.slice(0, 100),
              errors: errors.slice(0, 100),
              errorCount: Number(
                error.details?.errorCount ?? Math.max(errors.length, error.issues.length, 1),
              ),
            }
            finish('failed')
          } else {
            deps.log?.error({ err: error, job: job.id }, 'import job failed unexpectedly')
            job.error = {
              code: 'internal',
              message: `${upload.fileName}: the import failed on the server; nothing imported`,
              issues: [],
              errors: [],
              errorCount: 0,
            }
            finish('failed')
          }
        }
        return job
      }
      return { job, done: run() }
    },
    get(companyId, id) {
      return find(companyId, id).job
    },
    cancel(companyId, id) {
      const entry = find(companyId, id)
      if (entry.job.status !== 'running')
        throw new DomainError('invalid_state', `import job ${id} has already ${entry.job.status}`)
      entry.controller.abort()
      return entry.job
    },
  }
}
