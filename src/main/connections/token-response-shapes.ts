import type { TokenResponseShape } from './catalog-types'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const jsonResponse = (body: Json, status: number, source: Response) => {
  const headers = new Headers(source.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return new Response(JSON.stringify(body), { status, headers })
}

/** RFC 6749 §5.2: an error answer is HTTP 400 with an `error` field. */
const asError = (error: string, source: Response) =>
  jsonResponse({ error }, source.status >= 400 ? source.status : 400, source)

const reshapeSlack = (body: Json, source: Response): Response => {
  if (body.ok === false) return asError(String(body.error ?? 'invalid_request'), source)

  // A user-token install nests the token under authed_user; a refresh answers at the top.
  const user = isObject(body.authed_user) ? body.authed_user : {}
  const token = typeof user.access_token === 'string' ? user : body
  return jsonResponse(
    {
      access_token: token.access_token,
      refresh_token: token.refresh_token,
      expires_in: token.expires_in,
      scope: typeof token.scope === 'string' ? token.scope.replaceAll(',', ' ') : undefined,
      // Slack says `user`; RFC 6750 bearer use is what it means.
      token_type: 'bearer',
    },
    source.status,
    source,
  )
}

const reshapeGitHub = (body: Json, source: Response): Response =>
  typeof body.error === 'string' ? asError(body.error, source) : source

/**
 * Rewrites a token endpoint answer into the RFC 6749 §5.1/§5.2 shape the OAuth library reads,
 * for providers that shape it their own way. Answers that are not JSON pass through untouched,
 * and the library reports them.
 */
export async function reshapeTokenResponse(
  shape: TokenResponseShape,
  response: Response,
): Promise<Response> {
  if (shape === 'standard') return response

  const text = await response.clone().text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return response
  }
  if (!isObject(body)) return response

  const rebuilt = new Response(text, { status: response.status, headers: response.headers })
  return shape === 'slack' ? reshapeSlack(body, rebuilt) : reshapeGitHub(body, rebuilt)
}
