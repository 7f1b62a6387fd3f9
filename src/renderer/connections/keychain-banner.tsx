import { useConnectionsStore } from './connections-store'

/** Says plainly that no keychain is reachable, so nothing can be connected or was stored. */
export function KeychainBanner() {
  const problem = useConnectionsStore((state) => state.keychainProblem)
  if (!problem) return null
  return (
    <div className="banner banner-danger" role="alert">
      <strong className="banner-title">Your system keychain is not available</strong>
      <p>
        {problem} allv keeps secrets only in the keychain, so nothing was saved. Unlock or start
        your keychain (for example GNOME Keyring or KWallet), then try again.
      </p>
    </div>
  )
}
