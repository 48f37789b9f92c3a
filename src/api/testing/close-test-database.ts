import type { TestDatabase } from '../../db/test-database.ts'

// Closing a test database already waits for pooled clients and drops a PostgreSQL one (test-database.ts).
export async function closeTestDatabase(handle: TestDatabase | undefined): Promise<void> {
  await handle?.close()
}
