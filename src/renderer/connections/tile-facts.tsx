import type { ConnectionView } from '../../shared/connections'

/** The account, key and problem of a connection, as a short list of facts. */
export function TileFacts({ connection }: { connection: ConnectionView }) {
  return (
    <>
      <dl className="tile-facts">
        {connection.account && (
          <>
            <dt>Account</dt>
            <dd className="tile-account">{connection.account}</dd>
          </>
        )}
        {connection.maskedKey && (
          <>
            <dt>Key</dt>
            <dd className="mono">{connection.maskedKey}</dd>
          </>
        )}
        {connection.scopes.length > 0 && (
          <>
            <dt>Scopes</dt>
            <dd className="tile-scopes" title={connection.scopes.join(' ')}>
              {connection.scopes.join(' ')}
            </dd>
          </>
        )}
      </dl>
      {connection.problem && connection.status !== 'connected' && (
        <p className="tile-problem">{connection.problem}</p>
      )}
    </>
  )
}
