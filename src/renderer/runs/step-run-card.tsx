import type { StepRunView } from '../../shared/workflows'
import { StatusBadge } from '../ui/status-badge'
import { RequestView, ResponseView } from './http-exchange'
import { formatDuration, stepStatusView } from './run-format'
import { StartedAt } from './started-at'
import { StepLogs } from './step-logs'

interface StepRunCardProps {
  step: StepRunView
  position: number
}

/** A step of a run: status, attempts and timing, the request as sent, the response, its log. */
export function StepRunCard({ step, position }: StepRunCardProps) {
  const status = stepStatusView[step.status]
  const duration = formatDuration(step.startedAt, step.finishedAt)

  return (
    <article className="step-run" aria-label={step.name}>
      <header className="step-run-head">
        <span className="step-number" aria-hidden="true">
          {position}
        </span>
        <h3 className="step-run-name">{step.name}</h3>
        <StatusBadge tone={status.tone} testId="step-status">
          {status.text}
        </StatusBadge>
      </header>
      <dl className="inline-facts step-run-facts">
        <dt>Attempts</dt>
        <dd>{step.attempts}</dd>
        <dt>Started</dt>
        <dd>{step.startedAt ? <StartedAt iso={step.startedAt} /> : '—'}</dd>
        <dt>Duration</dt>
        <dd>{duration ?? '—'}</dd>
      </dl>
      {step.error && (
        <p className="run-error">
          <span className="mono">{step.error.code}</span> {step.error.message}
        </p>
      )}
      <div className="exchange">
        <RequestView input={step.input} />
        {step.output && <ResponseView response={step.output} />}
      </div>
      <StepLogs logs={step.logs} />
    </article>
  )
}
