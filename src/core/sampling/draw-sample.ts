import { createHash } from 'node:crypto'

// The supervisor's weekly random sample of an agent's customer conversations (主管每周随机抽查客户).
// Deterministic from (seed, week, agent): anyone holding the record can redraw it and get the same ids.

/** Name and version of the procedure, stored with every draw. */
export const samplingAlgorithm = 'sha256-fisher-yates-v1'

export type SampleDrawInput = {
  seed: string
  week: string
  employeeId: number
  candidateIds: string[]
  sampleSize: number
}

export type SampleDraw = {
  algorithm: typeof samplingAlgorithm
  seed: string
  week: string
  employeeId: number
  /** The candidates as drawn from: unique and sorted, so the caller's order does not matter. */
  candidateIds: string[]
  sampleSize: number
  drawnIds: string[]
}

const space = 2 ** 48

/** A stream of uniform integers: the first 48 bits of sha256(algorithm, seed, week, agent, counter), with rejection. */
export function createUniformStream(
  seed: string,
  week: string,
  employeeId: number,
): (bound: number) => number {
  let counter = 0
  const next48 = () => {
    const digest = createHash('sha256')
      .update(`${samplingAlgorithm}\n${seed}\n${week}\n${employeeId}\n${counter++}`)
      .digest()
    return digest.readUIntBE(0, 6)
  }
  return (bound: number) => {
    // Values at or above the largest multiple of `bound` are redrawn, so every index is equally likely.
    const limit = space - (space % bound)
    for (;;) {
      const x = next48()
      if (x < limit) return x % bound
    }
  }
}

/** Draws min(sampleSize, candidates) distinct ids uniformly without replacement (partial Fisher–Yates shuffle). */
export function drawSample(input: SampleDrawInput): SampleDraw {
  const pool = [...new Set(input.candidateIds)].sort()
  const candidateIds = [...pool]
  const uniform = createUniformStream(input.seed, input.week, input.employeeId)
  const k = Math.min(input.sampleSize, pool.length)
  for (let i = 0; i < k; i++) {
    const j = i + uniform(pool.length - i)
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return {
    algorithm: samplingAlgorithm,
    seed: input.seed,
    week: input.week,
    employeeId: input.employeeId,
    candidateIds,
    sampleSize: input.sampleSize,
    drawnIds: pool.slice(0, k),
  }
}

/** Whether a stored draw is exactly what its seed, week, agent and candidates produce. */
export function verifySampleDraw(draw: Omit<SampleDraw, 'algorithm'> & { algorithm: string }): boolean {
  if (draw.algorithm !== samplingAlgorithm) return false
  const again = drawSample(draw)
  return (
    again.drawnIds.length === draw.drawnIds.length && again.drawnIds.every((id, i) => id === draw.drawnIds[i])
  )
}
