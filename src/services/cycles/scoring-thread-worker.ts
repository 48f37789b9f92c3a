import { parentPort } from 'node:worker_threads'
import { createScoreMemo, type ScoreMemo } from '../../core/scoring/score-memo.ts'
import { type ScoredSlice, type SliceContext, type SliceSheet, scoreSlice } from './score-slice.ts'

// The scoring thread's body (started by scoring-thread.ts): per job, the context and a memo; per slice, the
// scores. Replies carry the request number they answer.

export type ScoringMessage =
  | { kind: 'begin'; job: number; context: SliceContext }
  | { kind: 'slice'; job: number; request: number; sheets: SliceSheet[] }
  | { kind: 'end'; job: number }

export type ScoringReply = { request: number; slice?: ScoredSlice; error?: string }

const jobs = new Map<number, { context: SliceContext; memo: ScoreMemo }>()

parentPort?.on('message', async (message: ScoringMessage) => {
  if (message.kind === 'begin') jobs.set(message.job, { context: message.context, memo: createScoreMemo() })
  else if (message.kind === 'end') jobs.delete(message.job)
  else {
    const reply = (r: ScoringReply) => parentPort?.postMessage(r)
    const job = jobs.get(message.job)
    if (!job) return reply({ request: message.request, error: `scoring job ${message.job} was not begun` })
    try {
      reply({ request: message.request, slice: await scoreSlice(message.sheets, job.context, job.memo) })
    } catch (error) {
      reply({ request: message.request, error: error instanceof Error ? error.message : String(error) })
    }
  }
})
