import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { cleanFileName, createUploadStore } from './import-uploads.ts'
import { timeOrderedId } from './time-ordered-id.ts'

// Uploads are streamed to disk with a byte limit checked as they arrive (a body without a declared length
// cannot slip past it), kept per company, and deleted when removed.

async function* chunks(count: number, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) yield new Uint8Array(size).fill(65)
}

describe('createUploadStore', () => {
  it('stores a streamed file for its company only and deletes it on remove', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-test-'))
    const store = createUploadStore({ dir, maxBytes: 1000 })
    const upload = await store.save({
      companyId: 1,
      userId: 2,
      fileName: 'a/b\\订单.csv',
      body: chunks(3, 100),
    })
    expect(upload).toMatchObject({ companyId: 1, fileName: '订单.csv', sizeBytes: 300 })
    expect(existsSync(upload.filePath)).toBe(true)
    expect(store.get(1, upload.id).id).toBe(upload.id)
    expect(() => store.get(2, upload.id)).toThrow(DomainError)
    await store.remove(upload.id)
    expect(existsSync(upload.filePath)).toBe(false)
    await store.close()
  })

  it('stops a body over the limit while it streams and keeps nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-test-'))
    const store = createUploadStore({ dir, maxBytes: 1000 })
    const error = await store
      .save({ companyId: 1, userId: null, fileName: 'big.csv', body: chunks(50, 100) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('too_large')
    expect(await readdir(dir)).toEqual([])
    await store.close()
  })

  it('cleans file names of folders and control characters', () => {
    expect(cleanFileName('C:\\Users\\x\\报表\u0000.xlsx')).toBe('报表.xlsx')
    expect(cleanFileName('  ')).toBe('')
  })
})

// Issue 12, part 9: uploads waited in a world-readable system temp folder and a crash left them there for ever.
// They now wait in the server's own folder, owner-only, and a file left behind is deleted once a day old.
describe('createUploadStore keeps uploads private and cleans up after a crash', () => {
  const mode = async (file: string) => (await stat(file)).mode & 0o777

  it('keeps the folder 0700 and every file 0600, tightening a folder that was world-readable', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-test-')), 'uploads')
    await mkdir(dir, { mode: 0o777 })
    await chmod(dir, 0o777)
    const store = createUploadStore({ dir })
    const upload = await store.save({ companyId: 1, userId: null, fileName: '订单.csv', body: chunks(1, 10) })
    expect(await mode(dir)).toBe(0o700)
    expect(await mode(upload.filePath)).toBe(0o600)
    await store.close()
  })

  it('makes its own private folder when given none (never the shared temp folder itself)', async () => {
    const store = createUploadStore()
    const upload = await store.save({ companyId: 1, userId: null, fileName: 'a.csv', body: chunks(1, 10) })
    expect(path.dirname(upload.filePath)).not.toBe(tmpdir())
    expect(await mode(path.dirname(upload.filePath))).toBe(0o700)
    await store.close()
  })

  it('deletes files left over a day ago on start and on each sweep, and keeps newer ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-test-'))
    const day = 24 * 60 * 60 * 1000
    let clock = Date.parse('2026-12-06T10:00:00Z')
    const leftover = async (name: string, age: number) => {
      const file = path.join(dir, name)
      await writeFile(file, 'x')
      await utimes(file, new Date(clock - age), new Date(clock - age))
    }
    await leftover('crashed-long-ago.csv', day + 60_000)
    await leftover('crashed-an-hour-ago.csv', 60 * 60 * 1000)
    const store = createUploadStore({ dir, now: () => clock })
    await store.sweep()
    expect(await readdir(dir)).toEqual(['crashed-an-hour-ago.csv'])
    clock += day
    await store.sweep()
    expect(await readdir(dir)).toEqual([])
    await store.close()
  })

  it('answers 410 (gone) for an upload of an earlier run of the server, 404 for an unknown one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-uploads-test-'))
    const before = createUploadStore({ dir })
    const upload = await before.save({ companyId: 1, userId: null, fileName: 'a.csv', body: chunks(1, 10) })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const after = createUploadStore({ dir })
    expect(() => after.get(1, upload.id)).toThrow(expect.objectContaining({ code: 'gone' }))
    expect(() => after.get(1, timeOrderedId(Date.now() + 1000))).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
    await before.close()
    await after.close()
  })
})
