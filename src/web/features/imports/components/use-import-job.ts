import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportOptions } from '../../../../contracts/ingest.ts'
import type { ImportJob } from '../../../../contracts/ingest-api.ts'
import { cancelImportJob, getImportJob, startImportJob } from '../api/import-queries.ts'

// Starts a validation or import job and polls it until it has finished; the latest job is the state.
export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null)
  const [error, setError] = useState<unknown>(null)
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  const run = useCallback(
    async (
      uploadId: string,
      mode: 'validate' | 'import',
      options: ImportOptions,
    ): Promise<ImportJob | null> => {
      setError(null)
      try {
        let current = await startImportJob(uploadId, mode, options)
        setJob(current)
        while (current.status === 'running' && alive.current) {
          await new Promise((resolve) => setTimeout(resolve, 300))
          current = await getImportJob(current.id)
          if (alive.current) setJob(current)
        }
        return current
      } catch (e) {
        if (alive.current) setError(e)
        return null
      }
    },
    [],
  )

  const cancel = useCallback(async () => {
    if (job?.status === 'running') setJob(await cancelImportJob(job.id).catch(() => job))
  }, [job])

  const reset = useCallback(() => {
    setJob(null)
    setError(null)
  }, [])

  return { job, error, run, cancel, reset }
}
