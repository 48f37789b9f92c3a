import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DomainError } from '../../core/errors.ts'

// Files uploaded through the API wait here (a temp folder, one file each, streamed to disk, never held in
// memory) between the wizard's steps: detect and preview, validate, import. They expire after `ttlMs`.

export type StoredUpload = {
  id: string
  companyId: number
  userId: number | null
  fileName: string
  filePath: string
  sizeBytes: number
  createdAt: number
}

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
  /** Deletes every stored file (server shutdown, tests). */
  close(): Promise<void>
}

export type UploadStoreOptions = { dir?: string; ttlMs?: number; maxBytes?: number }

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
  const dir = options.dir ?? path.join(tmpdir(), 'jixiao-uploads')
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024
  const uploads = new Map<string, StoredUpload>()

  const sweep = () => {
    const now = Date.now()
    for (const upload of uploads.values())
      if (now - upload.createdAt > ttlMs) void store.remove(upload.id).catch(() => undefined)
  }
  const timer = setInterval(sweep, Math.min(ttlMs, 10 * 60 * 1000))
  timer.unref()

  const store: UploadStore = {
    async save(input) {
      const fileName = cleanFileName(input.fileName)
      if (!fileName)
        throw new DomainError('invalid_input', 'the upload needs a file name (query fileName)', [
          { path: 'fileName', message: 'missing' },
        ])
      await mkdir(dir, { recursive: true })
      const id = randomUUID()
      const filePath = path.join(dir, `${id}${path.extname(fileName).slice(0, 10)}`)
      const out = createWriteStream(filePath)
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
        createdAt: Date.now(),
      }
      uploads.set(id, upload)
      return upload
    },
    get(companyId, id) {
      const upload = uploads.get(id)
      if (!upload || upload.companyId !== companyId)
        throw new DomainError(
          'not_found',
          `upload ${id} not found (uploads expire after an hour; upload the file again)`,
        )
      return upload
    },
    async remove(id) {
      const upload = uploads.get(id)
      if (!upload) return
      uploads.delete(id)
      await rm(upload.filePath, { force: true })
    },
    async close() {
      clearInterval(timer)
      await Promise.all([...uploads.keys()].map((id) => store.remove(id)))
    },
  }
  return store
}
