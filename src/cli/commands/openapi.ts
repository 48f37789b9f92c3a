import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Command } from 'commander'
import { createOpenApiDocument } from '../../api/create-openapi-document.ts'
import { renderApiReference } from '../../api/render-api-reference.ts'

// `jixiao openapi`: the API reference generated from the route schemas, as OpenAPI JSON and as Markdown.
export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('print or write the OpenAPI 3.1 document generated from the routes (no database needed)')
    .option('--out <file>', 'write the JSON document to a file instead of printing it')
    .option('--markdown <file>', 'also write a Markdown reference (one section per route)')
    .action(async (opts: { out?: string; markdown?: string }) => {
      const document = createOpenApiDocument()
      const json = `${JSON.stringify(document, null, 2)}\n`
      if (opts.out) {
        await mkdir(dirname(opts.out), { recursive: true })
        await writeFile(opts.out, json)
      } else process.stdout.write(json)
      if (opts.markdown) {
        await mkdir(dirname(opts.markdown), { recursive: true })
        await writeFile(opts.markdown, renderApiReference(document))
      }
    })
}
