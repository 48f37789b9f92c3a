// Reads a ZIP central directory (the tail of an XLSX file) to refuse zip bombs before anything is expanded.
export type ZipEntry = {
  name: string
  compressedSize: number
  uncompressedSize: number
  /** 0 stored, 8 deflated. */
  method: number
  localHeaderOffset: number
}

export type ZipLimits = { maxUncompressedBytes: number; maxRatio: number }

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[]; totalUncompressed: number }
  | { ok: false; reason: string }

/** `tail` is the last bytes of the file (at least 22 + directory size); `fileSize` its full size. */
export function inspectZip(tail: Uint8Array, fileSize: number, limits: ZipLimits): ZipVerdict {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0)
    return { ok: false, reason: 'the file is not a complete XLSX (ZIP) archive: it may be truncated' }
  const count = view.getUint16(eocd + 10, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (cdOffset === 0xffffffff || count === 0xffff)
    return { ok: false, reason: 'ZIP64 archives are not accepted' }
  const tailStart = fileSize - tail.length
  let p = cdOffset - tailStart
  if (p < 0 || cdOffset + cdSize > fileSize)
    return { ok: false, reason: 'the XLSX (ZIP) directory is damaged or the file is truncated' }
  const entries: ZipEntry[] = []
  let total = 0
  for (let n = 0; n < count; n++) {
    if (p + 46 > tail.length || view.getUint32(p, true) !== 0x02014b50)
      return { ok: false, reason: 'the XLSX (ZIP) directory is damaged' }
    const method = view.getUint16(p + 10, true)
    const compressedSize = view.getUint32(p + 20, true)
    const uncompressedSize = view.getUint32(p + 24, true)
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true)
    const comment = view.getUint16(p + 32, true)
    const localHeaderOffset = view.getUint32(p + 42, true)
    const name = new TextDecoder().decode(tail.subarray(p + 46, p + 46 + nameLength))
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset })
    total += uncompressedSize
    if (total > limits.maxUncompressedBytes)
      return {
        ok: false,
        reason: `the XLSX expands to more than ${limits.maxUncompressedBytes} bytes (a zip bomb?): refused before expanding`,
      }
    if (uncompressedSize > 1_000_000 && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio)
      return {
        ok: false,
        reason: `entry ${name} expands ${Math.round(uncompressedSize / Math.max(1, compressedSize))}× (limit ${limits.maxRatio}×): refused as a zip bomb`,
      }
    p += 46 + nameLength + extra + comment
  }
  return { ok: true, entries, totalUncompressed: total }
}
