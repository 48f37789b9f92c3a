#!/usr/bin/env node
// Runs one TypeScript entry file (benchmarks, scripts) through tsx.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const [file, ...rest] = process.argv.slice(2)
if (!file) {
  console.error('usage: run-ts.js FILE [args…]')
  process.exit(2)
}
process.argv = [process.argv[0], file, ...rest]
await import(pathToFileURL(resolve(file)).href)
