import { App, Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CycleCalibration } from '../../../../contracts/cycles.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useUpdateCycleSettings } from '../api/update-cycle-settings.ts'

type QuotaMode = CycleCalibration['quotaMode']

// Whether a cycle's grade quotas only warn or hold sign-off and pay approval (强制分布：仅提示 / 强制执行); HR and admin.
export function QuotaModeSwitch({ cycleId, mode }: { cycleId: number; mode: QuotaMode }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const update = useUpdateCycleSettings()
  const change = (quotaMode: QuotaMode) =>
    update.mutate(
      { id: cycleId, settings: { quotaMode } },
      {
        onSuccess: () => message.success(t('cycles.settings.saved')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  return (
    <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
      <Space wrap>
        <Typography.Text id="quota-mode-label">{t('cycles.calibration.quotaMode')}</Typography.Text>
        <Radio.Group
          aria-labelledby="quota-mode-label"
          value={mode}
          disabled={update.isPending}
          onChange={(e) => change(e.target.value as QuotaMode)}
          options={[
            { value: 'advisory', label: t('cycles.calibration.quotaModes.advisory') },
            { value: 'enforced', label: t('cycles.calibration.quotaModes.enforced') },
          ]}
        />
      </Space>
      <Typography.Text type="secondary">{t(`cycles.calibration.quotaModeHints.${mode}`)}</Typography.Text>
    </Space>
  )
}
