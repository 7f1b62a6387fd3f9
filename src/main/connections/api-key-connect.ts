import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { ConnectApiKeyRequest } from '../../shared/connections'
import { AllvError } from '../platform/errors'
import type { ApiKeyCatalogEntry, TestRequest } from './catalog-types'
import {
  maskApiKey,
  secretKeys,
  type ApiKeyConnectionSettings,
  type ConnectionRecord,
} from './connection-record'
import type { ConnectionsContext } from './connections-context'
import { describeUrl } from './oauth-wire'
import { parseInput } from './parse-input'
import { commonAccountFields, runTestRequest } from './test-request'

/** The header that carries a key: its name, and the prefix (`Bearer `) glued to the key. */
export function apiKeyHeaders(settings: ApiKeyConnectionSettings, apiKey: string) {
  return { [settings.headerName]: `${settings.prefix}${apiKey}` }
}

/** The request that proves a key: the catalog's, or the person's test URL for generic APIs. */
export function apiKeyTestRequest(
  entry: ApiKeyCatalogEntry,
  settings: ApiKeyConnectionSettings,
): TestRequest | null {
  if (entry.testRequest) return entry.testRequest
  if (!settings.testUrl) return null
  return { url: settings.testUrl, method: 'GET', accountFields: commonAccountFields }
}

type SettingsInput = z.output<typeof ConnectApiKeyRequest>['settings']

/**
 * Refuses a header value fetch would refuse: RFC 9110 §5.5 forbids CR, LF and NUL in field
 * values, and a key with one is a paste gone wrong (or a header injection). Checked up front,
 * so the person hears what is wrong rather than that the server could not be reached.
 */
const requireHeaderSafe = (value: string, what: 'API key' | 'key prefix') => {
  if (/[\r\n]/.test(value)) {
    throw new AllvError(
      'INVALID_INPUT',
      `The ${what} contains a line break; paste it again without spaces or new lines.`,
    )
  }
  // Other control characters, and anything past ASCII, cannot travel in a header as typed.
  if (/[^\x20-\x7e]/.test(value)) {
    throw new AllvError(
      'INVALID_INPUT',
      `The ${what} contains a character that cannot be sent in a header (an invisible or ` +
        'non-ASCII one); paste it again as plain text.',
    )
  }
}

const settingsFor = (
  entry: ApiKeyCatalogEntry,
  input: SettingsInput,
  existing: ConnectionRecord | null,
): ApiKeyConnectionSettings => {
  if (input) return { ...input }
  if (existing?.apiKey) return existing.apiKey
  if (entry.generic) {
    throw new AllvError('INVALID_INPUT', 'Enter the header name, base URL and a test URL.')
  }
  const { headerName, prefix, baseUrl } = entry.auth
  return { headerName, prefix, baseUrl, testUrl: entry.testRequest?.url ?? null }
}

/**
 * Tests a pasted key with the provider's test request and saves it only if it is accepted.
 * Connecting with `connectionId` replaces that connection's key in place.
 */
export async function connectWithApiKey(
  context: ConnectionsContext,
  request: ConnectApiKeyRequest,
): Promise<ConnectionRecord> {
  const input = parseInput(ConnectApiKeyRequest, request)
  const entry = context.catalog.requireApiKey(input.providerId)
  const existing = input.connectionId ? context.registry.require(input.connectionId) : null
  if (existing && existing.providerId !== entry.id) {
    throw new AllvError(
      'INVALID_INPUT',
      `That connection belongs to another app than ${entry.name}.`,
    )
  }

  const settings = settingsFor(entry, input.settings, existing)
  requireHeaderSafe(input.apiKey, 'API key')
  requireHeaderSafe(settings.prefix, 'key prefix')
  const probe = apiKeyTestRequest(entry, settings)
  if (!probe) throw new AllvError('INVALID_INPUT', 'Enter a test URL so the key can be checked.')

  const outcome = await runTestRequest(context.fetch, probe, apiKeyHeaders(settings, input.apiKey))
  if (!outcome.accepted) {
    context.logger.info('API key refused', { providerId: entry.id, status: outcome.status })
    throw new AllvError(
      'API_KEY_REJECTED',
      `${describeUrl(probe.url)} refused the key (HTTP ${outcome.status}). Check that you ` +
        'pasted all of it and that it is still active.',
    )
  }

  const now = context.nowIso()
  const record: ConnectionRecord = {
    id: existing?.id ?? randomUUID(),
    providerId: entry.id,
    label:
      input.label ||
      existing?.label ||
      (entry.generic ? new URL(settings.baseUrl).host : entry.name),
    authKind: 'apiKey',
    status: 'connected',
    account: outcome.account,
    scopes: [],
    maskedKey: maskApiKey(input.apiKey),
    problem: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    oauth: null,
    apiKey: settings,
  }
  await context.registry.save(record, [[secretKeys.apiKey(record.id), input.apiKey]])
  context.logger.info('API key connected', { providerId: entry.id, connectionId: record.id })
  context.notifyChanged()
  return record
}
