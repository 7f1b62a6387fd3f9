import type { HttpResponseRecord } from '../../shared/workflows'
import { BodyView } from './body-view'
import { readSentRequest } from './run-format'

/** The request a step sent, as main recorded it with credentials redacted. */
export function RequestView({ input }: { input: unknown }) {
  if (input === null || input === undefined) return null
  const request = readSentRequest(input)
  return (
    <section className="exchange-part" aria-label="Request">
      <h4 className="exchange-title">Request</h4>
      {request ? (
        <>
          <p className="status-line mono">
            <strong>{request.method}</strong> {request.url}
          </p>
          <HeadersTable headers={request.headers} />
          {request.body !== null && <BodyView body={request.body} />}
        </>
      ) : (
        <BodyView body={JSON.stringify(input)} />
      )}
    </section>
  )
}

/** The response a step got: status line, headers and body. */
export function ResponseView({ response }: { response: HttpResponseRecord }) {
  const tone = response.status >= 400 ? 'bad' : response.status >= 300 ? 'other' : 'good'
  return (
    <section className="exchange-part" aria-label="Response">
      <h4 className="exchange-title">Response</h4>
      <p className={`status-line mono status-line-${tone}`} data-testid="response-status">
        {response.status} {response.statusText}
      </p>
      <HeadersTable headers={response.headers} />
      <BodyView body={response.body} />
      {response.truncated && (
        <p className="field-hint">The body was cut to the size history keeps.</p>
      )}
    </section>
  )
}

function HeadersTable({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers)
  if (entries.length === 0) return null
  return (
    <div className="headers" tabIndex={0} role="group" aria-label="Headers">
      <table className="headers-table">
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
