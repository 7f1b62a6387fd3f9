import { InlineAlert } from '../ui/inline-alert'
import { RunDetailView } from './run-detail'
import { RunList } from './run-list'
import { useRunsStore } from './runs-store'

/** The history of the workflow in view: its runs on the left, the chosen one on the right. */
export function RunsPanel() {
  const error = useRunsStore((state) => state.error)
  const hasRuns = useRunsStore((state) => state.runs.length > 0)

  return (
    <section className="runs-panel" aria-label="Runs">
      {error && <InlineAlert title="Could not load the run">{error}</InlineAlert>}
      {hasRuns ? (
        <div className="runs-layout">
          <RunList />
          <RunDetailView />
        </div>
      ) : (
        <p className="empty-note">No runs yet. Press Run to start one.</p>
      )}
    </section>
  )
}
