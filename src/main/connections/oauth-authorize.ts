import { randomUUID } from 'node:crypto'
import * as oauth from 'oauth4webapi'
import { StartOAuthRequest } from '../../shared/connections'
import { oauthRedirectUri } from '../deep-links/oauth-callback-link'
import type { OAuthCallbackLink } from '../deep-links/oauth-callback-link'
import { AllvError, isAllvError } from '../platform/errors'
import { secretKeys } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { listenForLoopbackRedirect } from './loopback-redirect'
import { resolveServer } from './oauth-server'
import { parseInput } from './parse-input'
import { FLOW_LIFETIME_MS, type PendingFlow } from './pending-flows'

/** RFC 6749 §4.1.1 with RFC 7636 §4.3: the URL the person opens to approve access. */
const authorizeUrl = async (flow: PendingFlow): Promise<URL> => {
  const { auth } = flow.entry
  const url = new URL(flow.server.authorizationEndpoint)
  const params = url.searchParams
  params.set('response_type', 'code')
  params.set('client_id', flow.clientId)
  params.set('redirect_uri', flow.redirectUri)
  params.set('state', flow.state)
  if (flow.scopes.length > 0) params.set(auth.scopeParameter, flow.scopes.join(auth.scopeSeparator))
  if (flow.codeVerifier !== null) {
    params.set('code_challenge', await oauth.calculatePKCECodeChallenge(flow.codeVerifier))
    params.set('code_challenge_method', 'S256')
  }
  for (const [name, value] of Object.entries(auth.extraAuthorizeParams)) params.set(name, value)

  // OpenID Connect Core §11: offline_access is ignored unless consent is asked for again.
  if (flow.scopes.includes('offline_access') && flow.scopes.includes('openid')) {
    if (!params.has('prompt')) params.set('prompt', 'consent')
  }
  return url
}

/**
 * Why the sign-in page did not open, in words the person can act on. A refusal by the app's
 * own URL guard is an AllvError whose message says what it accepts, so it is passed on; any
 * other failure's text may quote the URL, with its `state`, so only its name is logged.
 */
const browserNotOpened = (context: ConnectionsContext, flow: PendingFlow, error: unknown) => {
  const name = flow.entry.name
  context.logger.warn('Could not open the sign-in page', {
    flowId: flow.flowId,
    providerId: flow.providerId,
    failure: error instanceof Error ? error.name : 'unknown',
    code: isAllvError(error) ? error.code : null,
  })
  if (isAllvError(error)) {
    return new AllvError(
      error.code,
      `The sign-in page of ${name} was not opened: ${error.message}`,
      { cause: error },
    )
  }
  return new AllvError(
    'AUTH_FAILED',
    `Could not open your web browser to sign in to ${name}. Check that a default browser is ` +
      'set up on this computer, then connect again.',
    { cause: error },
  )
}

/** Ends every flow whose ten minutes are up, telling the tile why. */
export function endExpiredFlows(context: ConnectionsContext): void {
  for (const flow of context.flows.takeExpired()) {
    context.logger.info('OAuth flow expired', { flowId: flow.flowId, providerId: flow.providerId })
    context.notifyFlowEnded({
      flowId: flow.flowId,
      providerId: flow.providerId,
      outcome: 'failed',
      connectionId: flow.connectionId,
      message: 'Signing in took longer than 10 minutes, so allv stopped waiting. Connect again.',
    })
  }
}

/**
 * Starts an authorization code flow in the system browser (RFC 8252 §6). Connecting again
 * with `connectionId` reuses that connection's server, client and scopes unless given anew.
 */
export async function startOAuthFlow(
  context: ConnectionsContext,
  request: StartOAuthRequest,
  receiveLoopback: (link: OAuthCallbackLink) => Promise<boolean>,
): Promise<{ flowId: string }> {
  const input = parseInput(StartOAuthRequest, request)
  const entry = context.catalog.requireOAuth(input.providerId)
  const existing = input.connectionId ? context.registry.require(input.connectionId) : null
  if (existing && existing.providerId !== entry.id) {
    throw new AllvError(
      'INVALID_INPUT',
      `That connection belongs to another app than ${entry.name}.`,
    )
  }

  const server = await resolveServer(context, entry, input.server, existing)
  const clientId = input.clientId ?? existing?.oauth?.clientId ?? entry.auth.publicClientId
  if (!clientId) {
    throw new AllvError(
      'INVALID_INPUT',
      `${entry.name} needs the client id of your own OAuth app; create one at the provider.`,
    )
  }
  const reuseSecret = existing?.oauth?.hasClientSecret && existing.oauth.clientId === clientId
  const clientSecret =
    input.clientSecret ??
    (reuseSecret ? await context.registry.readSecret(secretKeys.clientSecret(existing.id)) : null)

  endExpiredFlows(context)
  const flow: PendingFlow = {
    flowId: randomUUID(),
    state: oauth.generateRandomState(),
    providerId: entry.id,
    entry,
    server,
    clientId,
    clientSecret,
    codeVerifier: entry.auth.pkce ? oauth.generateRandomCodeVerifier() : null,
    redirectUri: oauthRedirectUri(entry.id),
    scopes: input.scopes ?? existing?.oauth?.requestedScopes ?? entry.auth.defaultScopes,
    connectionId: existing?.id ?? null,
    label: input.label || null,
    expiresAt: context.clock.now() + FLOW_LIFETIME_MS,
    release: () => {},
  }

  if (entry.auth.redirect.kind === 'loopback') {
    const listener = await listenForLoopbackRedirect({
      host: entry.auth.redirect.host,
      providerId: entry.id,
      logger: context.logger,
      receive: (params) =>
        receiveLoopback({
          kind: 'oauth-callback',
          providerId: entry.id,
          state: params.getAll('state').length === 1 ? (params.get('state') ?? '') : '',
          params,
        }),
    })
    flow.redirectUri = listener.redirectUri
    flow.release = listener.close
  }

  const url = await authorizeUrl(flow)
  context.flows.add(flow)
  // Without this a loopback listener of an abandoned flow would wait for the next connect.
  setTimeout(() => endExpiredFlows(context), FLOW_LIFETIME_MS + 1000).unref()
  try {
    // An authorize URL this module built, through the host's guarded opener.
    await context.openExternal(url.href) // eng-disable OPEN_EXTERNAL_JS_CHECK
  } catch (error) {
    context.flows.takeById(flow.flowId)
    throw browserNotOpened(context, flow, error)
  }

  context.logger.info('OAuth flow started', {
    flowId: flow.flowId,
    providerId: entry.id,
    redirect: entry.auth.redirect.kind,
    reconnect: existing !== null,
  })
  return { flowId: flow.flowId }
}

/** Ends a flow the person gave up on; a late redirect for it then matches nothing. */
export function cancelOAuthFlow(context: ConnectionsContext, flowId: string): void {
  const flow = context.flows.takeById(flowId)
  if (!flow) return
  context.logger.info('OAuth flow cancelled', { flowId, providerId: flow.providerId })
  context.notifyFlowEnded({
    flowId,
    providerId: flow.providerId,
    outcome: 'cancelled',
    connectionId: flow.connectionId,
    message: null,
  })
}
