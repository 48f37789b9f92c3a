import { randomInt } from 'node:crypto'

// Characters easy to read aloud and type from paper: no 0/O/o, 1/l/I, 2/Z, 5/S, 8/B or punctuation.
const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679'

/** A random initial password of 12 readable characters (about 68 bits), shown once to the person's HR. */
export function newInitialPassword(length = 12): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}
