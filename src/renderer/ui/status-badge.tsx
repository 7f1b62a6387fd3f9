import type { ReactNode } from 'react'

/** The colour family of a badge; every badge also carries its status in words. */
export type BadgeTone = 'neutral' | 'progress' | 'success' | 'warning' | 'danger'

interface StatusBadgeProps {
  tone: BadgeTone
  children: ReactNode
  testId?: string
}

/** A small pill with a dot and a word: "Connected", "Failed", "Running". */
export function StatusBadge({ tone, children, testId }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      <span className="badge-dot" aria-hidden="true" />
      {children}
    </span>
  )
}
