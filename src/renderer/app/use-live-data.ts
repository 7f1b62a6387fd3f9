import { useEffect } from 'react'
import { useConnectionsStore } from '../connections/connections-store'
import { useRunsStore } from '../runs/runs-store'
import { useWorkflowsStore } from '../workflows/workflows-store'

/** Loads what main knows once, and keeps listening to what it reports while the app is open. */
export function useLiveData(): void {
  useEffect(() => {
    const offConnections = useConnectionsStore.getState().subscribe()
    const offRuns = useRunsStore.getState().subscribe()
    void useConnectionsStore.getState().load()
    void useWorkflowsStore.getState().load()
    return () => {
      offConnections()
      offRuns()
    }
  }, [])
}
