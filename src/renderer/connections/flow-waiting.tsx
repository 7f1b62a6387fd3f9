import { useConnectionsStore, type PendingFlow } from './connections-store'

/** What a tile says while the person signs in at the provider in their browser. */
export function FlowWaiting({ flow }: { flow: PendingFlow }) {
  const cancelOAuth = useConnectionsStore((state) => state.cancelOAuth)
  return (
    <div className="flow-waiting" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="flow-waiting-text">Waiting for you to finish in your browser…</span>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void cancelOAuth(flow.flowId)}
        disabled={flow.cancelling}
      >
        Cancel
      </button>
    </div>
  )
}
