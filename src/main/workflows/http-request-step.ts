import type { HttpRequestStep, HttpResponseRecord, StepLogEntry } from '../../shared/workflows'
import { AllvError, isAllvError } from '../platform/errors'
import type { ConnectionService, RequestCredentials } from '../services'
import { checkCredentialScope } from './credential-scope'
import type { ExpressionContext, StepData } from './expressions'
import {
  prepareRequest,
  recordRequest,
  renderParams,
  type PreparedRequest,
  type RecordedRequest,
} from './http-request'
import { sendFollowingRedirects } from './http-redirects'
import { readResponse, toHistoryRecord, toStepData } from './http-response'
import { backoffDelay, classifyFetchError, type RetryPolicy, type Sleep } from './network-retry'
import { createRedactor } from './redaction'
import { statusProblem, toStepError, unreachable } from './step-failures'

/** Methods that may be sent again when a connection broke after the request went out. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE'])

/** What steps need of the connections: credentials, and the list to name one in messages. */
export type StepConnections = Pick<ConnectionService, 'credentialsFor'> &
  Partial<Pick<ConnectionService, 'list'>>

/** What an HTTP step needs from the engine: the outside world, injected, and its hooks. */
export interface HttpStepEnvironment {
  connections: StepConnections
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
  log(line: string, level?: StepLogEntry['level']): void
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
  // Redirect targets come from the server and may echo a credential back.
  const log = (line: string, level?: StepLogEntry['level']) => env.log(redactor.text(line), level)
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
  const label = await connectionLabel(step.connectionId, env)

  try {
    const params = await renderParams(step, at, context)
    for (;;) {
      let response: Response
      try {
        if (credentials === undefined) {
          credentials = await credentialsOf(step, env, refreshed)
          redactor.addCredentials(credentials?.headers ?? {})
        }
        const request = prepareRequest(params, credentials, at, redactor)
        host = request.url.host
        input = recordRequest(request, redactor)
        checkCredentialScope(request.url, credentials, label ?? 'a connection')
        attempts += 1
        env.onAttempt(attempts)
        response = await sendFollowingRedirects(request, credentials?.headers ?? {}, {
          fetchOnce: (hop) => fetchOnce(hop, env),
          log,
        })
      } catch (error) {
        if (env.signal.aborted) throw error
        if (!mayWaitFor(error, params.method)) {
          throw toStepError(error, host, env.requestTimeoutMs)
        }
        networkFailures += 1
        if (networkFailures >= env.retry.maxAttempts) throw unreachable(host, networkFailures)
        const delay = backoffDelay(networkFailures, env.retry, env.random)
        log(`${host} unreachable (attempt ${networkFailures}); waiting ${delay} ms`, 'warn')
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
        log('401 Unauthorized: refreshing the connection and sending once more')
        refreshed = true
        credentials = undefined
        continue
      }

      const read = await readResponse(response)
      const output = toHistoryRecord(read, redactor)
      const problem = statusProblem(read, host, label, refreshed)
      return problem === null
        ? { attempts, input, output, error: null, data: toStepData(read) }
        : failed(problem, output)
    }
  } catch (error) {
    if (env.signal.aborted || !(error instanceof AllvError)) throw error
    return failed(error)
  }
}

/** How messages name a step's connection: its label when the list has it, else its id. */
async function connectionLabel(
  connectionId: string | null,
  env: HttpStepEnvironment,
): Promise<string | null> {
  if (connectionId === null) return null
  try {
    const connections = (await env.connections.list?.()) ?? []
    const found = connections.find((connection) => connection.id === connectionId)
    if (found !== undefined) return `"${found.label}"`
  } catch {
    // The label only makes messages friendlier; the id names the connection well enough.
  }
  return `connection "${connectionId}"`
}

async function credentialsOf(
  step: HttpRequestStep,
  env: HttpStepEnvironment,
  afterUnauthorized: boolean,
): Promise<RequestCredentials | null> {
  const { connectionId } = step
  if (connectionId === null) return null
  try {
    return await env.connections.credentialsFor(connectionId, { afterUnauthorized })
  } catch (error) {
    if (isAllvError(error, 'NOT_FOUND')) {
      throw new AllvError(
        'NOT_FOUND',
        `Step "${step.name}" uses a connection that no longer exists ("${connectionId}"). ` +
          'Pick another connection in the step, then run the workflow again.',
        { cause: error },
      )
    }
    if (error instanceof AllvError) throw error
    throw new AllvError(
      'STEP_FAILED',
      `Could not get credentials from connection "${connectionId}".`,
      { cause: error },
    )
  }
}

function fetchOnce(request: PreparedRequest, env: HttpStepEnvironment): Promise<Response> {
  return env.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.any([env.signal, AbortSignal.timeout(env.requestTimeoutMs)]),
  })
}

/** A request that never left may always go again; one that may have arrived only if safe. */
function mayWaitFor(error: unknown, method: string): boolean {
  if (isAllvError(error, 'NETWORK_UNAVAILABLE')) return true
  const failure = classifyFetchError(error)
  return failure === 'notSent' || (failure === 'maybeSent' && IDEMPOTENT.has(method))
}
