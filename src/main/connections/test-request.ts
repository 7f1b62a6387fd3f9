import { AllvError } from '../platform/errors'
import type { TestRequest } from './catalog-types'
import { describeUrl, isNetworkFailure, REQUEST_TIMEOUT_MS, type FetchLike } from './oauth-wire'

/** How a credential fared against a provider's test request. */
export type TestOutcome =
  { accepted: true; account: string | null } | { accepted: false; status: number }

/** Fields that usually name an account, for test URLs the catalog knows nothing about. */
export const commonAccountFields = ['email', 'login', 'username', 'preferred_username', 'name']

const readPath = (body: unknown, path: string): unknown => {
  let value: unknown = body
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? Reflect.get(value, part) : undefined
  }
  return value
}

/** The first non-empty string or number at one of the dotted paths, as an account label. */
export function pickAccount(body: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const value = readPath(body, path)
    if (typeof value === 'number') return String(value)
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return null
}

const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json()
  } catch {
    return null
  }
}

/**
 * Sends a provider's test request with the credential's headers. A 401 or 403, or a body that
 * reports failure with HTTP 200 (Slack's `ok: false`), counts as the credential being refused;
 * no answer at all, or another error status, is a CONNECTION_TEST_FAILED.
 */
export async function runTestRequest(
  fetchImpl: FetchLike,
  request: TestRequest,
  authHeaders: Record<string, string>,
): Promise<TestOutcome> {
  const where = describeUrl(request.url)
  let response: Response
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: { Accept: 'application/json', ...request.headers, ...authHeaders },
      body: request.body ?? null,
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
  } catch (error) {
    if (isNetworkFailure(error)) {
      throw new AllvError(
        'CONNECTION_TEST_FAILED',
        `Could not reach ${where} to test the credential (no answer came back). Check the ` +
          'address and your connection, then try again.',
        { cause: error },
      )
    }
    // fetch refused to send it. Its error quotes the offending header value, which is the
    // credential, so it is neither repeated nor kept as the cause.
    throw new AllvError(
      'CONNECTION_TEST_FAILED',
      `The test request to ${where} could not be sent. Check the header name, prefix and ` +
        'credential for stray characters, then try again.',
    )
  }

  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel()
    return { accepted: false, status: response.status }
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new AllvError(
      'CONNECTION_TEST_FAILED',
      `${where} answered HTTP ${response.status} to the test request; try again later.`,
    )
  }

  const body = await readJson(response)
  if (request.successField && readPath(body, request.successField) !== true) {
    return { accepted: false, status: response.status }
  }
  return { accepted: true, account: pickAccount(body, request.accountFields) }
}
