import { AllvError } from '../platform/errors'
import type { PreparedRequest } from './http-request'

/** How many redirects one request may follow, as browsers do (fetch allows 20). */
export const MAX_REDIRECTS = 10

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** Fetch's request-body-header names: they describe a body that a GET no longer has. */
const BODY_HEADERS = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
])
/** Headers fetch itself drops on a cross-origin redirect, whoever set them. */
const ALWAYS_CREDENTIALS = ['authorization', 'proxy-authorization', 'cookie']

/** What following redirects needs: one plain fetch, and where to note each hop. */
export interface RedirectEnvironment {
  fetchOnce(request: PreparedRequest): Promise<Response>
  log(line: string, level?: 'info' | 'warn'): void
}

/**
 * Sends a request and follows its redirects by hand. `redirect: 'follow'` would carry every
 * header to wherever the server points, and undici drops only Authorization on the way, so an
 * API key in `X-Api-Key` would reach another origin. Here the connection's headers travel only
 * while the origin stays the one they were sent to. Methods change as fetch changes them
 * (WHATWG Fetch, HTTP-redirect fetch, step 12): 303, and 301 or 302 after a POST, become a GET
 * without a body.
 */
export async function sendFollowingRedirects(
  request: PreparedRequest,
  credentialHeaders: Record<string, string>,
  env: RedirectEnvironment,
): Promise<Response> {
  const origin = request.url.origin
  const secret = new Set(Object.keys(credentialHeaders).map((name) => name.toLowerCase()))
  let current = request

  for (let hops = 0; ; hops += 1) {
    const response = await env.fetchOnce(current)
    const location = response.headers.get('location')
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response
    await response.body?.cancel()

    const host = current.url.host
    if (hops >= MAX_REDIRECTS) {
      throw new AllvError('STEP_FAILED', `${host} redirected more than ${MAX_REDIRECTS} times.`)
    }
    const next = URL.canParse(location, current.url) ? new URL(location, current.url) : null
    if (next === null || (next.protocol !== 'https:' && next.protocol !== 'http:')) {
      throw new AllvError('STEP_FAILED', `${host} redirected to something that is not a web URL.`)
    }

    current = redirected(current, response.status, next)
    env.log(`${response.status} redirect to ${next.origin}${next.pathname}`)
    // Once dropped they stay dropped, even if a later hop comes back to the first origin.
    if (next.origin !== origin) {
      const kept = without(current.headers, [...secret, ...ALWAYS_CREDENTIALS])
      if (Object.keys(kept).length < Object.keys(current.headers).length) {
        env.log(`${next.origin} is another origin: the credentials were not sent there`, 'warn')
      }
      current = { ...current, headers: kept }
    }
  }
}

function redirected(request: PreparedRequest, status: number, url: URL): PreparedRequest {
  const toGet =
    (status === 303 && request.method !== 'HEAD') ||
    ((status === 301 || status === 302) && request.method === 'POST')
  if (!toGet) return { ...request, url }
  return { method: 'GET', url, headers: without(request.headers, [...BODY_HEADERS]), body: null }
}

function without(headers: Record<string, string>, names: string[]): Record<string, string> {
  const drop = new Set(names)
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !drop.has(name.toLowerCase())),
  )
}
