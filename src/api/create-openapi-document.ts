import type { Db } from '../db/database.ts'
import { createApp, openApiInfo } from './create-app.ts'

/**
 * The OpenAPI 3.1 document without a database or a server, e.g. for `jixiao openapi --out docs/api/openapi.json`.
 * Building the routes touches no data, so the database given to them refuses any use.
 */
export function createOpenApiDocument(): ReturnType<ReturnType<typeof createApp>['getOpenAPI31Document']> {
  const noDatabase = new Proxy({} as Db, {
    get() {
      throw new Error('createOpenApiDocument builds the document only; it has no database')
    },
  })
  return createApp({ db: noDatabase, engine: 'pglite' }).getOpenAPI31Document(openApiInfo)
}
