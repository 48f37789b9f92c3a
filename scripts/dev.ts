import { spawn } from 'node:child_process'
import { createServer } from 'vite'

// `npm run dev`: the API server (jixiao serve) on PORT (3000) and Vite's dev server, which proxies /api to it.
const api = spawn(process.execPath, ['bin/jixiao.js', 'serve'], { stdio: 'inherit', env: process.env })
const vite = await createServer({ configFile: 'vite.config.ts' })
await vite.listen()
vite.printUrls()
const stop = async () => {
  api.kill('SIGTERM')
  await vite.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
api.once('exit', (code) => {
  console.error(`jixiao serve exited (${code}); stopping the dev server`)
  void vite.close().then(() => process.exit(code ?? 1))
})
