import { useConnectionsStore } from './connections-store'

/**
 * Says plainly that no keychain is reachable. Main's message already says what happened and
 * what to do, so the banner adds a title and nothing else. It goes once a later call that
 * needs the keychain succeeds.
 */
export function KeychainBanner() {
  const problem = useConnectionsStore((state) => state.keychainProblem)
  if (!problem) return null
  return (
    <div className="banner banner-danger" role="alert">
      <strong className="banner-title">Your system keychain is not available</strong>
      <p>{problem}</p>
    </div>
  )
}
