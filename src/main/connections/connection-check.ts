import { isAllvError } from '../platform/errors'
import { userinfoRequest } from './account-label'
import { apiKeyHeaders, apiKeyTestRequest } from './api-key-connect'
import type { TestRequest } from './catalog-types'
import { secretKeys, type ConnectionRecord } from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { describeUrl } from './oauth-wire'
import { runTestRequest, type TestOutcome } from './test-request'
import type { TokenRefresher } from './token-refresher'

type Verdict = Pick<ConnectionRecord, 'status' | 'problem'> & { account?: string | null }

const refused = (probe: TestRequest, status: number, remedy: string): Verdict => ({
  status: 'needsReconnect',
  problem: `${describeUrl(probe.url)} refused the credential (HTTP ${status}). ${remedy}`,
})

const accepted = (outcome: TestOutcome & { accepted: true }, record: ConnectionRecord) => ({
  status: 'connected' as const,
  problem: null,
  account: outcome.account ?? record.account,
})

const checkApiKey = async (
  context: ConnectionsContext,
  record: ConnectionRecord,
): Promise<Verdict> => {
  const entry = context.catalog.requireApiKey(record.providerId)
  const settings = record.apiKey
  const key = await context.registry.readSecret(secretKeys.apiKey(record.id))
  if (!settings || key === null) {
    return { status: 'needsReconnect', problem: 'The key is missing from the keychain.' }
  }
  const probe = apiKeyTestRequest(entry, settings)
  if (!probe) return { status: 'connected', problem: null }

  const outcome = await runTestRequest(context.fetch, probe, apiKeyHeaders(settings, key))
  if (outcome.accepted) return accepted(outcome, record)
  return refused(probe, outcome.status, 'Paste a new key.')
}

const checkOAuth = async (
  context: ConnectionsContext,
  refresher: TokenRefresher,
  record: ConnectionRecord,
): Promise<Verdict | null> => {
  const entry = context.catalog.requireOAuth(record.providerId)
  const probe = entry.testRequest ?? (record.oauth ? userinfoRequest(record.oauth.server) : null)

  // Getting a token already proves the refresh token, when one was due.
  let token = await refresher.accessTokenFor(record.id, false)
  if (!probe) return { status: 'connected', problem: null }

  let outcome = await runTestRequest(context.fetch, probe, { Authorization: `Bearer ${token}` })
  if (!outcome.accepted) {
    token = await refresher.accessTokenFor(record.id, true)
    outcome = await runTestRequest(context.fetch, probe, { Authorization: `Bearer ${token}` })
  }
  if (outcome.accepted) return accepted(outcome, record)
  return refused(probe, outcome.status, 'Reconnect to sign in again.')
}

/**
 * Re-runs a connection's test request (or userinfo) and records what it found. A refused
 * credential marks the connection for reconnect; no answer marks it as an error to retry.
 */
export async function checkConnection(
  context: ConnectionsContext,
  refresher: TokenRefresher,
  connectionId: string,
): Promise<ConnectionRecord> {
  const record = context.registry.require(connectionId)
  let verdict: Verdict | null
  try {
    verdict =
      record.authKind === 'apiKey'
        ? await checkApiKey(context, record)
        : await checkOAuth(context, refresher, record)
  } catch (error) {
    // The refresher already recorded a dead sign-in; a keychain failure changes nothing stored.
    if (isAllvError(error, 'NEEDS_RECONNECT')) return context.registry.require(connectionId)
    if (isAllvError(error, 'KEYCHAIN_UNAVAILABLE')) throw error
    verdict = { status: 'error', problem: isAllvError(error) ? error.message : 'The check failed.' }
  }

  const updated = context.registry.update(connectionId, {
    ...verdict,
    updatedAt: context.nowIso(),
  })
  context.logger.info('Connection checked', { connectionId, status: updated.status })
  context.notifyChanged()
  return updated
}
