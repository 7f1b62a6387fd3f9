import { StatusBadge } from '../ui/status-badge'
import { formatDuration, runStatusView } from './run-format'
import { StartedAt } from './started-at'
import { useRunsStore } from './runs-store'

/** The runs of one workflow, newest first; choosing one opens its steps. */
export function RunList() {
  const runs = useRunsStore((state) => state.runs)
  const selectedRunId = useRunsStore((state) => state.selectedRunId)
  const selectRun = useRunsStore((state) => state.selectRun)

  return (
    <ul className="run-list" aria-label="Runs of this workflow">
      {runs.map((run) => {
        const status = runStatusView[run.status]
        const duration = formatDuration(run.startedAt, run.finishedAt)
        return (
          <li key={run.id}>
            <button
              type="button"
              className="run-item"
              aria-current={run.id === selectedRunId ? 'true' : undefined}
              onClick={() => void selectRun(run.id)}
            >
              <StatusBadge tone={status.tone}>{status.text}</StatusBadge>
              <span className="run-item-time">
                <StartedAt iso={run.startedAt} />
              </span>
              <span className="run-item-duration">{duration ?? '…'}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
