import { randomBytes } from 'node:crypto'

// Upload and import-job ids are UUIDs of version 7 (RFC 9562): the first 48 bits are the time the id was
// issued in milliseconds, the rest random. Uploads and import jobs live in the server's memory, so an id
// issued before the server started names work a restart ended (answered 410 Gone) rather than an unknown id.

/** A version-7 UUID issued at `at` (ms since 1970). */
export function timeOrderedId(at: number): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(Math.max(0, Math.floor(at)), 0, 6)
  bytes[6] = 0x70 | (bytes[6]! & 0x0f)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Whether `id` is a version-7 UUID issued before `at` (ms since 1970). */
export function issuedBefore(id: string, at: number): boolean {
  const hex = id.replaceAll('-', '')
  if (!/^[0-9a-f]{32}$/i.test(hex) || hex[12] !== '7') return false
  return Number.parseInt(hex.slice(0, 12), 16) < at
}
