import { AllvError } from '../platform/errors'
import type { ReadResponse } from './http-response'
import { classifyFetchError } from './network-retry'

/** Turns what fetch threw into a step error that says what went wrong, in words. */
export function toStepError(error: unknown, host: string, requestTimeoutMs: number): unknown {
  if (error instanceof AllvError) return error
  if ((error as { name?: unknown }).name === 'TimeoutError') {
    const seconds = Math.round(requestTimeoutMs / 1000)
    return new AllvError('STEP_FAILED', `${host} did not answer within ${seconds} seconds.`)
  }
  if (classifyFetchError(error) === 'maybeSent') {
    return new AllvError(
      'NETWORK_UNAVAILABLE',
      `The connection to ${host} broke while sending; the request was not sent again ` +
        'because the server may have received it.',
      { cause: error },
    )
  }
  return new AllvError('STEP_FAILED', `The request to ${host} failed: ${failureReason(error)}`, {
    cause: error,
  })
}

/** A step that found no network on any attempt. */
export function unreachable(host: string, attempts: number): AllvError {
  return new AllvError(
    'NETWORK_UNAVAILABLE',
    `Could not reach ${host} after ${attempts} attempts. Check the network connection, ` +
      'then run the workflow again.',
  )
}

/**
 * Turns an unsuccessful status into a step failure. Some APIs report an expired or refused
 * credential as HTTP 200 with an error body (Slack `ok: false`, GitHub's `error` field) or as
 * 403; recognising those needs per-provider rules from the catalog, which are not modelled yet,
 * so such a 200 is recorded as a success today.
 */
export function statusProblem(
  read: ReadResponse,
  host: string,
  connectionLabel: string | null,
  refreshed: boolean,
): AllvError | null {
  const answered = `${host} answered ${read.status} ${read.statusText}`.trim()
  if (read.status === 401 && connectionLabel === null) {
    return new AllvError('AUTH_FAILED', `${answered}. Choose a connection for this step.`)
  }
  if (read.status === 401) {
    const after = refreshed ? ' even after its credentials were refreshed' : ''
    return new AllvError(
      'AUTH_FAILED',
      `${answered}${after}. Reconnect ${connectionLabel}, then run the workflow again.`,
    )
  }
  if (read.status === 403) {
    return new AllvError(
      'AUTH_FAILED',
      `${answered}: the connection may lack a permission (scope) this request needs.`,
    )
  }
  if (read.status >= 400) return new AllvError('STEP_FAILED', `${answered}.`)
  return null
}

/**
 * Why fetch failed. undici throws a bare "fetch failed" and keeps the reason (`bad port`,
 * `getaddrinfo ENOTFOUND example.invalid`, a refused connection) on `cause`, sometimes inside
 * an AggregateError with one error per address tried.
 */
function failureReason(error: unknown): string {
  const own = messageOf(error) ?? String(error)
  const { cause } = (error ?? {}) as { cause?: unknown }
  const inner = (cause as { errors?: unknown } | undefined)?.errors
  const first = Array.isArray(inner) ? inner[0] : undefined
  const reason = messageOf(cause) ?? messageOf(first) ?? codeOf(cause) ?? codeOf(first)
  if (reason === null) return own
  const code = codeOf(cause) ?? codeOf(first)
  return code !== null && !reason.includes(code) ? `${reason} (${code})` : reason
}

function messageOf(error: unknown): string | null {
  const { message } = (error ?? {}) as { message?: unknown }
  return typeof message === 'string' && message !== '' ? message : null
}

function codeOf(error: unknown): string | null {
  const { code } = (error ?? {}) as { code?: unknown }
  return typeof code === 'string' && code !== '' ? code : null
}
