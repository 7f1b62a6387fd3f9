import { randomUUID } from 'node:crypto'
import * as oauth from 'oauth4webapi'
import type { OAuthCallbackLink } from '../deep-links/oauth-callback-link'
import { isAllvError } from '../platform/errors'
import { findAccountLabel } from './account-label'
import { secretKeys, type ConnectionRecord, type StoredTokens } from './connection-record'
import type { SecretEntry } from './connection-registry'
import type { ConnectionsContext } from './connections-context'
import { endExpiredFlows } from './oauth-authorize'
import { clientAuthFor, oauthErrorCode, toAuthorizationServer, wireOptions } from './oauth-wire'
import type { PendingFlow } from './pending-flows'
import { encodeStoredTokens } from './stored-tokens'
import { expiresAtFrom } from './token-lifetime'

type Outcome = 'connected' | 'cancelled' | 'failed'

const end = (
  context: ConnectionsContext,
  flow: PendingFlow,
  outcome: Outcome,
  message: string | null,
  connectionId = flow.connectionId,
) => {
  context.logger.info('OAuth flow ended', {
    flowId: flow.flowId,
    providerId: flow.providerId,
    outcome,
  })
  context.notifyFlowEnded({
    flowId: flow.flowId,
    providerId: flow.providerId,
    outcome,
    connectionId,
    message,
  })
}

/** RFC 6749 §4.1.2 and RFC 9207 §2.4: the redirect belongs to this flow and this server. */
const validateRedirect = (
  context: ConnectionsContext,
  flow: PendingFlow,
  params: URLSearchParams,
) => {
  const name = flow.entry.name
  try {
    return oauth.validateAuthResponse(
      toAuthorizationServer(flow.server),
      { client_id: flow.clientId },
      params,
      flow.state,
    )
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      // RFC 6749 §4.1.2.1: access_denied is the person (or the server) saying no.
      if (error.error === 'access_denied') {
        end(context, flow, 'cancelled', `${name} did not grant access, so nothing changed.`)
      } else {
        end(context, flow, 'failed', `${name} refused the sign-in (${error.error}).`)
      }
    } else {
      context.logger.warn('OAuth redirect failed validation', {
        flowId: flow.flowId,
        reason: error instanceof Error && 'code' in error ? String(error.code) : 'unknown',
      })
      end(context, flow, 'failed', `The answer from ${name} did not pass its checks; try again.`)
    }
    return null
  }
}

/** RFC 6749 §4.1.3 with the RFC 7636 §4.5 verifier. */
const exchangeCode = async (
  context: ConnectionsContext,
  flow: PendingFlow,
  callback: URLSearchParams,
) => {
  const server = toAuthorizationServer(flow.server)
  const client = { client_id: flow.clientId }
  const { auth } = flow.entry
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    clientAuthFor(auth.clientAuth, flow.clientSecret),
    callback,
    flow.redirectUri,
    flow.codeVerifier ?? oauth.nopkce,
    wireOptions(context.fetch, flow.server.tokenEndpoint, {
      shape: auth.tokenResponse,
      headers: auth.tokenRequestHeaders,
    }),
  )
  return oauth.processAuthorizationCodeResponse(server, client, response)
}

const recordFor = (
  context: ConnectionsContext,
  flow: PendingFlow,
  tokens: oauth.TokenEndpointResponse,
  account: string | null,
): ConnectionRecord => {
  const existing = flow.connectionId ? context.registry.get(flow.connectionId) : null
  const now = context.nowIso()
  const fallbackLabel = flow.entry.generic ? new URL(flow.server.issuer).host : flow.entry.name
  return {
    id: existing?.id ?? randomUUID(),
    providerId: flow.providerId,
    label: flow.label ?? existing?.label ?? fallbackLabel,
    authKind: 'oauth2',
    status: 'connected',
    account,
    scopes: tokens.scope ? tokens.scope.split(' ').filter(Boolean) : flow.scopes,
    maskedKey: null,
    problem: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    oauth: {
      server: flow.server,
      clientId: flow.clientId,
      requestedScopes: flow.scopes,
      hasClientSecret: flow.clientSecret !== null,
      expiresAt: expiresAtFrom(tokens, context.clock),
    },
    apiKey: null,
  }
}

const finish = async (context: ConnectionsContext, flow: PendingFlow, params: URLSearchParams) => {
  const name = flow.entry.name
  const callback = validateRedirect(context, flow, params)
  if (!callback) return

  let tokens: oauth.TokenEndpointResponse
  try {
    tokens = await exchangeCode(context, flow, callback)
  } catch (error) {
    const code = oauthErrorCode(error)
    context.logger.warn('Code exchange failed', { flowId: flow.flowId, oauthError: code })
    end(context, flow, 'failed', `${name} did not complete the sign-in (${code ?? 'no answer'}).`)
    return
  }

  const account = await findAccountLabel(context, tokens, flow.server, flow.entry.testRequest)
  const record = recordFor(context, flow, tokens, account)
  const stored: StoredTokens = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
  }
  const secrets: SecretEntry[] = [[secretKeys.tokens(record.id), encodeStoredTokens(stored)]]
  if (flow.clientSecret !== null)
    secrets.push([secretKeys.clientSecret(record.id), flow.clientSecret])
  const drop = flow.clientSecret === null ? [secretKeys.clientSecret(record.id)] : []

  try {
    await context.registry.save(record, secrets, drop)
  } catch (error) {
    context.logger.error('Could not save the connection', { flowId: flow.flowId, error })
    end(context, flow, 'failed', isAllvError(error) ? error.message : 'Saving failed.')
    return
  }

  context.notifyChanged()
  end(context, flow, 'connected', null, record.id)
}

/**
 * Completes the flow a redirect belongs to. Resolves false, and logs only why, when its
 * `state` matches no pending flow of that provider: unknown, replayed, expired or mixed up.
 */
export async function completeOAuthFlow(
  context: ConnectionsContext,
  link: OAuthCallbackLink,
): Promise<boolean> {
  endExpiredFlows(context)
  const flow = context.flows.take(link.providerId, link.state)
  if (typeof flow === 'string') {
    // The query is never logged: it carries a code and a state.
    context.logger.warn('OAuth callback matches no pending flow', {
      providerId: link.providerId,
      reason: flow,
    })
    return false
  }

  await finish(context, flow, link.params)
  return true
}
