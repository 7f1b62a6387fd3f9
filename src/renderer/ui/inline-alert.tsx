import type { ReactNode } from 'react'

interface InlineAlertProps {
  tone?: 'error' | 'warning' | 'info' | 'success'
  title?: string
  children: ReactNode
}

/** A message next to the control it is about; errors and warnings are announced as alerts. */
export function InlineAlert({ tone = 'error', title, children }: InlineAlertProps) {
  const announced = tone === 'error' || tone === 'warning'
  return (
    <div className={`inline-alert inline-alert-${tone}`} role={announced ? 'alert' : 'status'}>
      {title && <strong className="inline-alert-title">{title}</strong>}
      <span>{children}</span>
    </div>
  )
}
