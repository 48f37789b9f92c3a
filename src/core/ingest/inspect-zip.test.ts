import { describe, expect, it } from 'vitest'
import { inspectZip } from './inspect-zip.ts'

// A one-entry central directory + end record, as a ZIP writer lays them out.
function zipTail(name: string, compressed: number, uncompressed: number): Uint8Array {
  const nameBytes = Buffer.from(name)
  const cd = Buffer.alloc(46 + nameBytes.length)
  cd.writeUInt32LE(0x02014b50, 0)
  cd.writeUInt32LE(compressed, 20)
  cd.writeUInt32LE(uncompressed, 24)
  cd.writeUInt16LE(nameBytes.length, 28)
  nameBytes.copy(cd, 46)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(1, 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(0, 16)
  return Buffer.concat([cd, eocd])
}

const limits = { maxUncompressedBytes: 500_000_000, maxRatio: 200 }

describe('inspectZip', () => {
  it('accepts an ordinary entry', () => {
    const tail = zipTail('xl/worksheets/sheet1.xml', 100_000, 900_000)
    expect(inspectZip(tail, tail.length, limits).ok).toBe(true)
  })
  it('refuses an entry that expands a thousandfold (zip bomb)', () => {
    const tail = zipTail('xl/worksheets/sheet1.xml', 40_000, 4_000_000_000)
    const verdict = inspectZip(tail, tail.length, limits)
    expect(verdict.ok).toBe(false)
  })
  it('refuses a truncated archive', () => {
    expect(inspectZip(new Uint8Array(100), 100, limits)).toMatchObject({ ok: false })
  })
})
