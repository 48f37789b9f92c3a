import { z } from 'zod'

// The Content-Security-Policy forbids eval: zod would otherwise probe for it with Function('') on its first
// parse. Imported first by main.tsx, so that it holds before any module parses at load time.
z.config({ jitless: true })
