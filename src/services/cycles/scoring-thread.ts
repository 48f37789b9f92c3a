import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createScoreMemo } from '../../core/scoring/score-memo.ts'
import { type ScoredSlice, type SliceContext, type SliceSheet, scoreSlice } from './score-slice.ts'
import type { ScoringMessage, ScoringReply } from './scoring-thread-worker.ts'

// Where a cycle's sheets are scored. Scoring is CPU work on the server's thread (and, in tests and CLI commands,
// the embedded database may run there too), so a large computation would hold every other request meanwhile. A
// large job therefore scores on a second thread, one per process, started on first use (about a second: it
// loads the TypeScript sources through tsx, as bin/run-ts.js does) and kept; the server's thread reads and writes
// while the next slice is scored. Small jobs score inline: the thread is not worth starting.

/** Scores slices of one job, one after the other in the order asked; `end` frees what the job holds. */
export type SliceScorer = { score(sheets: SliceSheet[]): Promise<ScoredSlice>; end(): void }

/** Sheets a job must have before it is scored on the scoring thread (see `scoringThreadFor`). */
export const scoringThreadMinimumSheets = 500

/** Sheets scored between turns of the event loop when scoring inline, so the database driver is served. */
const sheetsPerTurn = 25

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

export function inlineScorer(context: SliceContext): SliceScorer {
  const memo = createScoreMemo()
  // One slice after the other, as the thread does: a slice starts when the one before it is scored.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    score: (sheets) => {
      const scored = queue.then(() =>
        scoreSlice(sheets, context, memo, { every: sheetsPerTurn, between: nextTurn }),
      )
      queue = scored.catch(() => undefined)
      return scored
    },
    end: () => undefined,
  }
}

type Thread = {
  worker: Worker
  waiting: Map<number, { resolve: (slice: ScoredSlice) => void; reject: (error: Error) => void }>
}

let thread: Thread | undefined
let nextRequest = 1
let nextJob = 1

function scoringThread(): Thread {
  if (thread) return thread
  const worker = new Worker(new URL('../../../bin/run-ts.js', import.meta.url), {
    argv: [fileURLToPath(new URL('./scoring-thread-worker.ts', import.meta.url))],
  })
  const started: Thread = { worker, waiting: new Map() }
  // The thread keeps the process alive only while it owes an answer (a CLI run ends when its job does).
  worker.unref()
  const fail = (error: Error) => {
    if (thread === started) thread = undefined
    for (const { reject } of started.waiting.values()) reject(error)
    started.waiting.clear()
  }
  worker.on('message', (reply: ScoringReply) => {
    const waiter = started.waiting.get(reply.request)
    if (!waiter) return
    started.waiting.delete(reply.request)
    if (started.waiting.size === 0) worker.unref()
    if (reply.slice) waiter.resolve(reply.slice)
    else waiter.reject(new Error(reply.error ?? 'the scoring thread failed'))
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the scoring thread stopped (exit code ${code})`)))
  thread = started
  return started
}

export function threadScorer(context: SliceContext): SliceScorer {
  const job = nextJob++
  const post = (message: ScoringMessage) => scoringThread().worker.postMessage(message)
  post({ kind: 'begin', job, context })
  return {
    score: (sheets) =>
      new Promise<ScoredSlice>((resolve, reject) => {
        const current = scoringThread()
        const request = nextRequest++
        current.waiting.set(request, { resolve, reject })
        current.worker.ref()
        current.worker.postMessage({ kind: 'slice', job, request, sheets } satisfies ScoringMessage)
      }),
    end: () => thread?.worker.postMessage({ kind: 'end', job } satisfies ScoringMessage),
  }
}

/** The scorer for a job of `sheets` sheets: on the scoring thread when large (or when told), else inline. */
export function scorerFor(
  context: SliceContext,
  sheets: number,
  onThread: boolean | 'when large' = 'when large',
): SliceScorer {
  const useThread = onThread === 'when large' ? sheets >= scoringThreadMinimumSheets : onThread
  return useThread ? threadScorer(context) : inlineScorer(context)
}

/** Stops the scoring thread (tests, shutdown); the next large job starts a new one. */
export async function stopScoringThread(): Promise<void> {
  const current = thread
  thread = undefined
  await current?.worker.terminate()
}
