import type { Reporter, TestModule } from 'vitest/node'

// Prints the slowest test files (where CI time goes) and one plain closing line ("tests: N passed, N failed,
// N skipped") that any CI log reader understands.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++
    }
    const slowest = testModules
      .map((mod) => ({ file: mod.relativeModuleId, seconds: mod.diagnostic().duration / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 15)
    if (testModules.length > 15) {
      process.stdout.write('\nslowest test files:\n')
      for (const { file, seconds } of slowest)
        process.stdout.write(`  ${seconds.toFixed(1).padStart(7)} s  ${file}\n`)
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
