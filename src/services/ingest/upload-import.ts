import type { ImportOptions } from '../../contracts/ingest.ts'
import type { Upload } from '../../contracts/ingest-api.ts'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { analyseUpload, type DetectUploadOptions, type UploadAnalysis } from './detect-upload.ts'
import type { ImportJob, ImportJobMode, ImportJobs } from './import-jobs.ts'
import type { StoredDetection, StoredUpload, UploadStore } from './import-uploads.ts'

// The import wizard's steps on an uploaded file: receive and detect it, detect it again with other choices,
// validate or import it as a job. Each upload is detected once per set of choices: the detection is kept with
// the upload, and the job (its check, then the import's own format, encoding and header match) reuses it.

export type UploadDeps = { db: Db; uploads: UploadStore }

/** The upload and its analysis; `problem` set when no preset matched (the upload is kept for other choices). */
export type UploadAnswer = { upload: Upload; problem: UploadAnalysis['problem'] }

/** The choices that decide what detection finds (format, encoding, preset, header row). */
function choicesOf(options: DetectUploadOptions): string {
  return JSON.stringify([options.kind, options.preset, options.encoding, options.savedMapping])
}

function readOptionsOf(options: DetectUploadOptions): DetectUploadOptions {
  return {
    kind: options.kind,
    preset: options.preset,
    encoding: options.encoding,
    savedMapping: options.savedMapping,
    shop: options.shop,
    source: options.source,
    periodStart: options.periodStart,
  }
}

async function detect(db: Db, stored: StoredUpload, options: DetectUploadOptions): Promise<StoredDetection> {
  const { analysis, detection } = await analyseUpload(
    { db },
    { companyId: stored.companyId, filePath: stored.filePath, fileName: stored.fileName, options },
  )
  stored.detection = { choices: choicesOf(options), analysis, file: detection }
  return stored.detection
}

function answerOf(stored: StoredUpload, analysis: UploadAnalysis): UploadAnswer {
  return {
    upload: { id: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes, analysis },
    problem: analysis.problem,
  }
}

/** Stores the request body as an upload and detects it; a file that cannot be read at all is not kept. */
export async function receiveUpload(
  deps: UploadDeps,
  input: {
    companyId: number
    userId: number | null
    fileName: string
    body: AsyncIterable<Uint8Array>
    options: DetectUploadOptions
  },
): Promise<UploadAnswer> {
  const stored = await deps.uploads.save(input)
  try {
    const { analysis } = await detect(deps.db, stored, readOptionsOf(input.options))
    return answerOf(stored, analysis)
  } catch (error) {
    // A file that cannot be read at all (format, size, zip bomb, encoding, formula) is not kept.
    await deps.uploads.remove(stored.id)
    throw error
  }
}

/** The company's upload detected again with other choices (preset, encoding, kind, saved mapping). */
export async function inspectUpload(
  deps: UploadDeps,
  input: { companyId: number; uploadId: string; options: DetectUploadOptions },
): Promise<UploadAnswer> {
  const stored = deps.uploads.get(input.companyId, input.uploadId)
  const { analysis } = await detect(deps.db, stored, readOptionsOf(input.options))
  return answerOf(stored, analysis)
}

/** Starts validating or importing an upload as a job; refuses a file no preset matches before any job starts. */
export async function startUploadImport(
  deps: UploadDeps & { jobs: ImportJobs },
  input: {
    companyId: number
    userId: number | null
    uploadId: string
    options: ImportOptions
    mode: ImportJobMode
  },
): Promise<{ job: ImportJob; done: Promise<ImportJob> }> {
  const stored = deps.uploads.get(input.companyId, input.uploadId)
  const options = readOptionsOf(input.options)
  // A saved mapping is read afresh (it may have been saved again since); other choices reuse the detection.
  const reusable =
    stored.detection?.choices === choicesOf(options) && options.savedMapping === undefined
      ? stored.detection
      : undefined
  // the job's validation (a dry run) says what the import replaces, exactly
  const detected = reusable ?? (await detect(deps.db, stored, { ...options, withReplaces: false }))
  const { analysis } = detected
  if (analysis.problem || !analysis.preset)
    throw new DomainError(
      'invalid_input',
      analysis.problem?.message ?? `${stored.fileName}: no preset matches`,
      analysis.problem?.issues ?? [],
    )
  return deps.jobs.start({
    companyId: input.companyId,
    userId: input.userId,
    upload: stored,
    options: input.options,
    // a column mapping given with the job decides the header match itself
    detection: input.options.mapping === undefined ? (detected.file ?? undefined) : undefined,
    mode: input.mode,
    onImported: () => deps.uploads.remove(stored.id),
  })
}
