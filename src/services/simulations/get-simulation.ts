import type { Simulation, SimulationStatus } from '../../contracts/simulations.ts'
import { DomainError } from '../../core/errors.ts'
import { findJob } from '../../db/cycle-job-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { simulationJobKind } from './simulate-cycle.ts'

/** A simulation of a cycle: its job's progress, and the comparison once done (admin, HR, finance). */
export async function getSimulation(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  simulationId: number,
): Promise<SimulationStatus> {
  if (actor.role !== 'admin' && actor.role !== 'hr' && actor.role !== 'finance')
    throw new DomainError(
      'forbidden',
      '只有管理员、人力资源和财务可以查看模拟 / only admins, HR and finance may see simulations',
    )
  const job = await findJob(deps.db, actor.companyId, simulationId)
  if (!job || job.kind !== simulationJobKind || job.params.cycleId !== cycleId)
    throw new DomainError('not_found', `模拟 ${simulationId} 不存在 / simulation ${simulationId} not found`)
  return {
    id: job.id,
    status: job.status,
    done: job.done,
    total: job.total,
    error: job.error,
    simulation:
      job.status === 'succeeded' ? ((job.result?.simulation as Simulation | undefined) ?? null) : null,
  }
}

/** A finished simulation, or invalid_state while it runs (an export needs the whole comparison). */
export async function getFinishedSimulation(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  simulationId: number,
): Promise<Simulation> {
  const found = await getSimulation(deps, actor, cycleId, simulationId)
  if (!found.simulation)
    throw new DomainError(
      'invalid_state',
      found.status === 'failed'
        ? `模拟失败：${found.error ?? ''} / the simulation failed`
        : '模拟尚未完成 / the simulation is still running',
    )
  return found.simulation
}
