import { existsSync } from 'node:fs'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { cleanFileName, createUploadStore } from './import-uploads.ts'

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
