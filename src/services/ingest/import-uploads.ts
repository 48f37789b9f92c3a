import { createWriteStream } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DomainError } from '../../core/errors.ts'
import type { UploadAnalysis } from './detect-upload.ts'
import type { FileDetection } from './import-file.ts'
import { issuedBefore, timeOrderedId } from './time-ordered-id.ts'

// Files uploaded through the API wait here (one file each, streamed to disk, never held in memory) between the
// wizard's steps: detect and preview, validate, import. The folder is the server's (`JIXIAO_UPLOAD_DIR`, by
// default `uploads` in the data folder), owner-only (folder 0700, files 0600); an upload expires after
// `ttlMs`, and a file a crash left behind is deleted once it is a day old, on start and every hour.

/** A file in the upload folder older than this is a leftover (uploads expire after an hour) and is deleted. */
export const leftoverUploadMs = 24 * 60 * 60 * 1000

export type StoredUpload = {
  id: string
  companyId: number
  userId: number | null
  fileName: string
  filePath: string
  sizeBytes: number
  createdAt: number
  /** The last look at the file (at upload, or again with other choices), reused by its import. */
  detection?: StoredDetection
}

/** A file's detection with the choices it was made with (see upload-import.ts). */
export type StoredDetection = { choices: string; analysis: UploadAnalysis; file: FileDetection | null }

export type UploadStore = {
  save(input: {
    companyId: number
    userId: number | null
    fileName: string
    body: AsyncIterable<Uint8Array>
  }): Promise<StoredUpload>
  /** The company's upload, or not_found (another company's id is not found either). */
  get(companyId: number, id: string): StoredUpload
  remove(id: string): Promise<void>
  /** Forgets expired uploads and deletes files in the folder older than a day (done on start and hourly). */
  sweep(): Promise<void>
  /** Deletes every stored file (server shutdown, tests). */
  close(): Promise<void>
}

export type UploadStoreOptions = {
  /** The upload folder; by default a private folder made under the system temp folder (tests, embedding). */
  dir?: string
  ttlMs?: number
  maxBytes?: number
  /** The clock (tests pass a fake one). */
  now?: () => number
}

/** Makes the folder owner-only (0700), tightening one that already exists. */
async function ensurePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await chmod(dir, 0o700)
}

/** Deletes the files in `dir` last written more than `maxAgeMs` ago; answers their names. */
export async function removeStaleUploads(
  dir: string,
  now: number,
  maxAgeMs = leftoverUploadMs,
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const file = path.join(dir, name)
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile() || now - info.mtimeMs <= maxAgeMs) continue
    await rm(file, { force: true })
    removed.push(name)
  }
  return removed
}

/** A file name as given by the browser, reduced to its base name without control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255)
}

export function createUploadStore(options: UploadStoreOptions = {}): UploadStore {
  const now = options.now ?? Date.now
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024
  /** Ids issued before this moment belong to an earlier run of the server (see `get`). */
  const startedAt = now()
  const uploads = new Map<string, StoredUpload>()
  // The folder, ready and swept once: made owner-only first, since a leftover one may be world-readable.
  const ready = (async () => {
    const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-')))
    await ensurePrivateFolder(dir)
    await removeStaleUploads(dir, now())
    return dir
  })()
  ready.catch(() => undefined)

  const sweep = async () => {
    const at = now()
    for (const upload of uploads.values())
      if (at - upload.createdAt > ttlMs) await store.remove(upload.id).catch(() => undefined)
    await removeStaleUploads(await ready, at)
  }
  const timer = setInterval(() => void sweep().catch(() => undefined), Math.min(ttlMs, 60 * 60 * 1000))
  timer.unref()

  const store: UploadStore = {
    async save(input) {
      const fileName = cleanFileName(input.fileName)
      if (!fileName)
        throw new DomainError('invalid_input', 'the upload needs a file name (query fileName)', [
          { path: 'fileName', message: 'missing' },
        ])
      const dir = await ready
      // The folder may have been removed under a running server: made again, owner-only.
      await ensurePrivateFolder(dir)
      const id = timeOrderedId(now())
      const filePath = path.join(dir, `${id}${path.extname(fileName).slice(0, 10)}`)
      const out = createWriteStream(filePath, { flags: 'wx', mode: 0o600 })
      let size = 0
      try {
        for await (const chunk of input.body) {
          size += chunk.byteLength
          if (size > maxBytes)
            throw new DomainError(
              'too_large',
              `${fileName}: the file is over the import limit of ${Math.round(maxBytes / 1024 / 1024)} MB; split it by period`,
              [{ path: 'file', message: `over ${maxBytes} bytes` }],
            )
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        }
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        )
      } catch (error) {
        out.destroy()
        await rm(filePath, { force: true })
        throw error
      }
      const upload: StoredUpload = {
        id,
        companyId: input.companyId,
        userId: input.userId,
        fileName,
        filePath,
        sizeBytes: size,
        createdAt: now(),
      }
      uploads.set(id, upload)
      return upload
    },
    get(companyId, id) {
      const upload = uploads.get(id)
      if (upload && upload.companyId === companyId) return upload
      if (!upload && issuedBefore(id, startedAt))
        throw new DomainError(
          'gone',
          `上传的文件 ${id} 已不在：服务器在上传后重启过，请重新上传文件（upload ${id} is gone: the server restarted since; upload the file again）`,
        )
      throw new DomainError(
        'not_found',
        `上传的文件 ${id} 不存在或已过期（一小时后过期），请重新上传（upload ${id} not found; uploads expire after an hour）`,
      )
    },
    async remove(id) {
      const upload = uploads.get(id)
      if (!upload) return
      uploads.delete(id)
      await rm(upload.filePath, { force: true })
    },
    sweep,
    async close() {
      clearInterval(timer)
      await Promise.all([...uploads.keys()].map((id) => store.remove(id)))
    },
  }
  return store
}
