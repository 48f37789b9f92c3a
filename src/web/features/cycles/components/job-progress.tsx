import { Alert, Flex, Progress, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../contracts/workflow.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { isJobFinished, useJob } from '../api/get-job.ts'
import { describeJobFailure } from '../describe-job-failure.ts'

// The progress of a background job (open or compute a cycle), polled until it ends; tells the caller once.
export function JobProgress({ jobId, onFinished }: { jobId: number; onFinished?: (job: Job) => void }) {
  const { t } = useTranslation()
  const job = useJob(jobId)
  const data = job.data
  const finished = isJobFinished(data)
  // Tell the caller once per job end, whatever function identity they pass on each render.
  const notify = useRef(onFinished)
  notify.current = onFinished
  const told = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (data && finished && told.current !== data.id) {
      told.current = data.id
      notify.current?.(data)
    }
  }, [data, finished])
  if (job.isError) return <Alert type="error" showIcon message={describeError(t, job.error)} />
  const percent = data && data.total > 0 ? Math.round((data.done / data.total) * 100) : finished ? 100 : 0
  const status = data?.status === 'failed' ? 'exception' : data?.status === 'succeeded' ? 'success' : 'active'
  return (
    <Flex vertical gap={4} data-testid="job-progress">
      <Typography.Text>
        {t(`cycles.job.status.${data?.status ?? 'queued'}`)}
        {data ? ` · ${t('cycles.job.count', { done: data.done, total: data.total })}` : null}
      </Typography.Text>
      <Progress percent={percent} status={status} />
      {data && describeJobFailure(t, data) ? (
        <Alert type="error" showIcon message={describeJobFailure(t, data)} />
      ) : null}
    </Flex>
  )
}
