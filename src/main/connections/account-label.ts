import * as oauth from 'oauth4webapi'
import type { TestRequest } from './catalog-types'
import type { StoredOAuthServer } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { pickAccount, runTestRequest } from './test-request'

const claimFields = ['email', 'preferred_username', 'name']

/** The userinfo endpoint (OpenID Connect Core §5.3) as a test request. */
export function userinfoRequest(server: StoredOAuthServer): TestRequest | null {
  if (!server.userinfoEndpoint) return null
  return { url: server.userinfoEndpoint, method: 'GET', accountFields: claimFields }
}

/**
 * Names the account a new token belongs to: the ID token's claims first (already validated
 * by oauth4webapi, OpenID Connect Core §3.1.3.7), then userinfo, then the catalog's test
 * request. A label is a courtesy: failing to find one never fails the connect.
 */
export async function findAccountLabel(
  context: ConnectionsContext,
  tokens: oauth.TokenEndpointResponse,
  server: StoredOAuthServer,
  testRequest: TestRequest | null,
): Promise<string | null> {
  const fromClaims = pickAccount(oauth.getValidatedIdTokenClaims(tokens) ?? null, claimFields)
  if (fromClaims) return fromClaims

  const probes = [userinfoRequest(server), testRequest].filter((probe) => probe !== null)
  for (const probe of probes) {
    try {
      const outcome = await runTestRequest(context.fetch, probe, {
        Authorization: `Bearer ${tokens.access_token}`,
      })
      if (outcome.accepted && outcome.account) return outcome.account
    } catch (error) {
      context.logger.warn('Could not name the account', { error })
    }
  }
  return null
}
