import { describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { base64DecodedSize, uploadSheetFile } from './upload-sheet-file.ts'

// The 2 MB limit is checked on the encoded size before anything is decoded, looked up or stored.

describe('uploadSheetFile', () => {
  it('computes the decoded size of base64 without decoding', () => {
    for (const n of [0, 1, 2, 3, 4, 1000, 2 * 1024 * 1024]) {
      expect(base64DecodedSize(Buffer.alloc(n, 7).toString('base64'))).toBe(n)
    }
  })

  it('refuses a file one byte over 2 MB before touching the database', async () => {
    // A database that fails on any use proves nothing was read or written.
    const db = new Proxy(
      {},
      {
        get: () => {
          throw new Error('database used')
        },
      },
    ) as unknown as Db
    const actor = { userId: 1, companyId: 1, role: 'employee' as const, employeeId: 1 }
    const data = Buffer.alloc(2 * 1024 * 1024 + 1, 1).toString('base64')
    const error = await uploadSheetFile({ db, now: () => new Date() }, actor, 1, {
      name: '录屏.mp4',
      contentType: 'video/mp4',
      dataBase64: data,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('too_large')
    expect((error as DomainError).message).toContain('2 MB')
  })
})
