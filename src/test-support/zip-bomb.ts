import { zipOf } from './zip-of.ts'

// Hostile-file tests: a tiny upload that would inflate to 20 MB of sheet XML.
/** An XLSX-looking ZIP whose sheet expands 1000-fold. */
export function zipBomb(): Buffer {
  return zipOf([
    ['[Content_Types].xml', '<Types/>'],
    ['xl/worksheets/sheet1.xml', Buffer.alloc(20_000_000, 0x20)],
  ])
}
