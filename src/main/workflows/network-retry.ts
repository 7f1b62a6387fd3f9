/** How a step that finds no network waits: attempts in all, and the backoff between them. */
export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/** About three and a half minutes of waiting in all before a step gives up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
}

/** Waits; injected so tests never sleep for real. Rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Sleeps on a real timer. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/**
 * The delay before attempt `attempt + 1`: exponential, capped, with "equal jitter" (half fixed,
 * half random) so that many runs cut off by the same outage do not all come back at once.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Failures where the request never left this machine, so any method may be sent again. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
])
/** Failures after the connection was made: the server may have seen the request. */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET'])

/** How a failed fetch failed: never sent, maybe sent, or not a network failure at all. */
export type NetworkFailure = 'notSent' | 'maybeSent' | null

/** Reads the system error codes undici hangs on `cause` (or on an AggregateError inside it). */
export function classifyFetchError(error: unknown): NetworkFailure {
  const codes = errorCodes(error)
  if (codes.some((code) => NOT_SENT.has(code))) return 'notSent'
  if (codes.some((code) => MAYBE_SENT.has(code))) return 'maybeSent'
  return null
}

function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return []
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown }
  const own = typeof code === 'string' ? [code] : []
  const nested = Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : []
  return [...own, ...nested, ...errorCodes(cause, depth + 1)]
}
