import { StatusBadge } from '../ui/status-badge'
import { formatDuration, runStatusView } from './run-format'
import { StartedAt } from './started-at'
import { useRunsStore } from './runs-store'
import { StepRunCard } from './step-run-card'

/** One run in full: its status and timing, then every step with what it sent and got back. */
export function RunDetailView() {
  const detail = useRunsStore((state) => state.detail)
  if (!detail) return <div className="run-detail muted">Loading the run…</div>

  const status = runStatusView[detail.status]
  const duration = formatDuration(detail.startedAt, detail.finishedAt)

  return (
    <div className="run-detail" aria-label="Run details" role="region">
      <header className="run-detail-head">
        <StatusBadge tone={status.tone} testId="run-status">
          {status.text}
        </StatusBadge>
        <dl className="inline-facts">
          <dt>Started</dt>
          <dd>
            <StartedAt iso={detail.startedAt} />
          </dd>
          <dt>Duration</dt>
          <dd>{duration ?? 'still running'}</dd>
          <dt>Trigger</dt>
          <dd>{detail.trigger}</dd>
        </dl>
      </header>
      {detail.error && (
        <p className="run-error">
          <span className="mono">{detail.error.code}</span> {detail.error.message}
        </p>
      )}
      <ol className="step-runs">
        {detail.steps.map((step, index) => (
          <li key={step.stepId}>
            <StepRunCard step={step} position={index + 1} />
          </li>
        ))}
      </ol>
    </div>
  )
}
