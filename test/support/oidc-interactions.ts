import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Provider } from 'oidc-provider'

/** A person who can sign in at the test provider. */
export interface TestUser {
  login: string
  password: string
  email: string
  name: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Pages carry `data-interaction` and a fresh `data-render`, so a driver tells them apart. */
const page = (kind: string, title: string, body: string) =>
  '<!doctype html><html lang="en"><meta charset="utf-8">' +
  `<title>${escape(title)}</title><main>` +
  `<h1>${escape(title)}</h1>` +
  `<div data-interaction="${kind}" data-render="${randomUUID()}">${body}</div></main></html>`

const loginPage = (uid: string, error: string | null) =>
  page(
    'login',
    'Sign in to the test provider',
    (error ? `<p role="alert">${escape(error)}</p>` : '') +
      `<form method="post" action="/interaction/${uid}/login">` +
      '<label>Username <input name="login" autocomplete="off" required></label>' +
      '<label>Password <input name="password" type="password" required></label>' +
      '<button type="submit">Sign in</button></form>' +
      `<form method="post" action="/interaction/${uid}/abort">` +
      '<button type="submit">Cancel</button></form>',
  )

const consentPage = (uid: string, clientId: string, scopes: string[]) =>
  page(
    'consent',
    `Allow ${clientId} to use your account?`,
    `<ul>${scopes.map((scope) => `<li>${escape(scope)}</li>`).join('')}</ul>` +
      `<form method="post" action="/interaction/${uid}/confirm">` +
      '<button type="submit">Allow</button></form>' +
      `<form method="post" action="/interaction/${uid}/abort">` +
      '<button type="submit">Deny</button></form>',
  )

const readForm = async (request: IncomingMessage) => {
  let text = ''
  for await (const chunk of request) text += String(chunk)
  return new URLSearchParams(text)
}

const html = (response: ServerResponse, status: number, body: string) => {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body)
}

const grantConsent = async (
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
) => {
  const { prompt, params, session, grantId } = await provider.interactionDetails(request, response)
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId: session?.accountId ?? '', clientId: String(params.client_id) })
  const details = prompt.details as {
    missingOIDCScope?: string[]
    missingOIDCClaims?: string[]
    missingResourceScopes?: Record<string, string[]>
  }
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '))
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims)
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '))
  }
  return { consent: { grantId: await grant.save() } }
}

/**
 * Serves the provider's own login and consent pages under `/interaction/<uid>`, with a real
 * password check; answers false for any other path so the provider handles it.
 */
export async function handleInteraction(
  provider: Provider,
  users: readonly TestUser[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(url.pathname)
  if (!match) return false
  const [, uid = '', action] = match

  if (request.method === 'GET' && !action) {
    const { prompt, params } = await provider.interactionDetails(request, response)
    const scopes = String(params.scope ?? '').split(' ')
    html(
      response,
      200,
      prompt.name === 'login'
        ? loginPage(uid, null)
        : consentPage(uid, String(params.client_id), scopes),
    )
    return true
  }
  if (request.method !== 'POST') return false

  if (action === 'login') {
    const form = await readForm(request)
    const user = users.find((candidate) => candidate.login === form.get('login'))
    if (!user || user.password !== form.get('password')) {
      html(response, 200, loginPage(uid, 'Wrong username or password.'))
      return true
    }
    const result = { login: { accountId: user.login } }
    await provider.interactionFinished(request, response, result, {
      mergeWithLastSubmission: false,
    })
  } else if (action === 'confirm') {
    const result = await grantConsent(provider, request, response)
    await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: true })
  } else {
    const result = { error: 'access_denied', error_description: 'The person said no.' }
    await provider.interactionFinished(request, response, result, {
      mergeWithLastSubmission: false,
    })
  }
  return true
}
