import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Template } from '../../../../contracts/template.ts'
import { SimulationDrawer } from './simulation-drawer.tsx'

// The 模拟 action: opens the simulation drawer for the editor's draft template, or for a pay scheme draft.
export function SimulateButton(props: { template: Template } | { pay: true }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('simulations.action')}</Button>
      {'template' in props ? (
        <SimulationDrawer
          open={open}
          onClose={() => setOpen(false)}
          mode="template"
          template={props.template}
        />
      ) : (
        <SimulationDrawer open={open} onClose={() => setOpen(false)} mode="pay" />
      )}
    </>
  )
}
