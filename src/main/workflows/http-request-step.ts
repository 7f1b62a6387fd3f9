import type { HttpRequestStep, HttpResponseRecord } from '../../shared/workflows'
import { AllvError, isAllvError } from '../platform/errors'
import type { ConnectionService, RequestCredentials } from '../services'
import type { ExpressionContext, StepData } from './expressions'
import { prepareRequest, recordRequest, renderParams, type RecordedRequest } from './http-request'
import { readResponse, toHistoryRecord, toStepData, type ReadResponse } from './http-response'
import { backoffDelay, classifyFetchError, type RetryPolicy, type Sleep } from './network-retry'
import { createRedactor } from './redaction'

/** Methods that may be sent again when a connection broke after the request went out. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE'])

/** What an HTTP step needs from the engine: the outside world, injected, and its hooks. */
export interface HttpStepEnvironment {
  connections: Pick<ConnectionService, 'credentialsFor'>
  fetch: typeof fetch
  sleep: Sleep
  random: () => number
  retry: RetryPolicy
  requestTimeoutMs: number
  /** Aborts when the app stops; the step then rejects and the engine marks the run. */
  signal: AbortSignal
  /** True when the step starts waiting for the network, false once a request got through. */
  onWaiting(waiting: boolean): void
  onAttempt(attempts: number): void
  log(line: string): void
}

/** How a step ended, ready to be journaled; `data` is what later steps' expressions see. */
export interface StepOutcome {
  attempts: number
  input: RecordedRequest | null
  output: HttpResponseRecord | null
  error: { code: string; message: string } | null
  data: StepData | null
}

/** Runs one `http.request` step: auth from its connection, one retry after a 401, and waiting
 * with backoff while the network is away. Resolves with a failure rather than throwing. */
export async function runHttpRequestStep(
  step: HttpRequestStep,
  at: string,
  context: ExpressionContext,
  env: HttpStepEnvironment,
): Promise<StepOutcome> {
  const redactor = createRedactor()
  let attempts = 0
  let input: RecordedRequest | null = null
  const failed = (error: AllvError, output: HttpResponseRecord | null = null): StepOutcome => ({
    attempts,
    input,
    output,
    error: { code: error.code, message: redactor.text(error.message) },
    data: null,
  })

  // `undefined` means "ask the connection", again after a 401 or after waiting for the network.
  let credentials: RequestCredentials | null | undefined
  let refreshed = false
  let networkFailures = 0
  let waiting = false
  let host = 'the server'

  try {
    const params = await renderParams(step, at, context)
    for (;;) {
      let response: Response
      try {
        if (credentials === undefined) {
          credentials = await credentialsOf(step.connectionId, env, refreshed)
          redactor.addCredentials(credentials?.headers ?? {})
        }
        const request = prepareRequest(params, credentials, at, redactor)
        host = request.url.host
        input = recordRequest(request, redactor)
        attempts += 1
        env.onAttempt(attempts)
        response = await send(request, env)
      } catch (error) {
        if (env.signal.aborted) throw error
        if (!mayWaitFor(error, params.method)) throw toStepError(error, host, env)
        networkFailures += 1
        if (networkFailures >= env.retry.maxAttempts) throw unreachable(host, networkFailures)
        const delay = backoffDelay(networkFailures, env.retry, env.random)
        env.log(`${host} unreachable (attempt ${networkFailures}); waiting ${delay} ms`)
        waiting = true
        env.onWaiting(true)
        await env.sleep(delay, env.signal)
        credentials = undefined
        continue
      }

      if (waiting) {
        waiting = false
        env.onWaiting(false)
      }
      if (response.status === 401 && step.connectionId !== null && !refreshed) {
        await response.body?.cancel()
        env.log('401 Unauthorized: refreshing the connection and sending once more')
        refreshed = true
        credentials = undefined
        continue
      }

      const read = await readResponse(response)
      const output = toHistoryRecord(read, redactor)
      const problem = statusProblem(read, host, step.connectionId, refreshed)
      return problem === null
        ? { attempts, input, output, error: null, data: toStepData(read) }
        : failed(problem, output)
    }
  } catch (error) {
    if (env.signal.aborted || !(error instanceof AllvError)) throw error
    return failed(error)
  }
}

async function credentialsOf(
  connectionId: string | null,
  env: HttpStepEnvironment,
  afterUnauthorized: boolean,
): Promise<RequestCredentials | null> {
  if (connectionId === null) return null
  try {
    return await env.connections.credentialsFor(connectionId, { afterUnauthorized })
  } catch (error) {
    if (error instanceof AllvError) throw error
    throw new AllvError(
      'STEP_FAILED',
      `Could not get credentials from connection "${connectionId}".`,
      { cause: error },
    )
  }
}

function send(request: ReturnType<typeof prepareRequest>, env: HttpStepEnvironment) {
  return env.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'follow',
    signal: AbortSignal.any([env.signal, AbortSignal.timeout(env.requestTimeoutMs)]),
  })
}

/** A request that never left may always go again; one that may have arrived only if safe. */
function mayWaitFor(error: unknown, method: string): boolean {
  if (isAllvError(error, 'NETWORK_UNAVAILABLE')) return true
  const failure = classifyFetchError(error)
  return failure === 'notSent' || (failure === 'maybeSent' && IDEMPOTENT.has(method))
}

function toStepError(error: unknown, host: string, env: HttpStepEnvironment): unknown {
  if (error instanceof AllvError) return error
  if ((error as { name?: unknown }).name === 'TimeoutError') {
    const seconds = Math.round(env.requestTimeoutMs / 1000)
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
  const reason = error instanceof Error ? error.message : String(error)
  return new AllvError('STEP_FAILED', `The request to ${host} failed: ${reason}`, { cause: error })
}

function unreachable(host: string, attempts: number): AllvError {
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
function statusProblem(
  read: ReadResponse,
  host: string,
  connectionId: string | null,
  refreshed: boolean,
): AllvError | null {
  const answered = `${host} answered ${read.status} ${read.statusText}`.trim()
  if (read.status === 401 && connectionId === null) {
    return new AllvError('AUTH_FAILED', `${answered}. Choose a connection for this step.`)
  }
  if (read.status === 401) {
    const after = refreshed ? ' even after its credentials were refreshed' : ''
    return new AllvError(
      'AUTH_FAILED',
      `${answered}${after}. Reconnect "${connectionId}", then run the workflow again.`,
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
