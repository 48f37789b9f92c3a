import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// Password hashing with scrypt; the stored string names its own parameters so they can be raised later.
// Format: scrypt$N$r$p$<salt base64>$<hash base64>
const defaults = { N: 16384, r: 8, p: 1, keyLength: 32, saltLength: 16 }

function derive(plain: string, salt: Buffer, N: number, r: number, p: number, keyLength: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(defaults.saltLength)
  const { N, r, p, keyLength } = defaults
  const key = await derive(plain, salt, N, r, p, keyLength)
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** Checks a password against a stored hash in constant time; a malformed stored value never matches. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const expected = Buffer.from(parts[5] ?? '', 'base64')
  if (salt.length === 0 || expected.length < 16) return false
  const actual = await derive(plain, salt, N, r, p, expected.length)
  return timingSafeEqual(actual, expected)
}
