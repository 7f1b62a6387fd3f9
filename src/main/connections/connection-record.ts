import { z } from 'zod'
import { ConnectionView, type AuthKind, type ConnectionStatus } from '../../shared/connections'

/** Endpoints of the authorization server a connection was made with (no secrets). */
export interface StoredOAuthServer {
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  revocationEndpoint: string | null
  userinfoEndpoint: string | null
  /** RFC 9207 §3: the server said it returns `iss` in authorization responses. */
  issParameterSupported: boolean
  /** ID token signing algorithms the server advertised; empty when it did not say. */
  idTokenSigningAlgs: string[]
}

/** Non-secret OAuth settings of a connection; the tokens live in the keychain. */
export interface OAuthConnectionSettings {
  server: StoredOAuthServer
  clientId: string
  /** The scopes asked for, reused on reconnect; the granted ones are the record's `scopes`. */
  requestedScopes: string[]
  /** Whether a client secret for this connection sits in the keychain. */
  hasClientSecret: boolean
  /** When the access token stops working, in epoch milliseconds. */
  expiresAt: number
}

/** Non-secret API-key settings of a connection; the key lives in the keychain. */
export interface ApiKeyConnectionSettings {
  headerName: string
  prefix: string
  baseUrl: string
  testUrl: string | null
}

/** A connection as it is persisted: everything but its secrets. */
export interface ConnectionRecord {
  id: string
  providerId: string
  label: string
  authKind: AuthKind
  status: ConnectionStatus
  account: string | null
  scopes: string[]
  maskedKey: string | null
  problem: string | null
  createdAt: string
  updatedAt: string
  oauth: OAuthConnectionSettings | null
  apiKey: ApiKeyConnectionSettings | null
}

/** The secrets of an OAuth connection, stored together as one keychain item. */
export interface StoredTokens {
  accessToken: string
  refreshToken: string | null
}

/** The keychain key of each secret of a connection. */
export const secretKeys = {
  tokens: (connectionId: string) => `connection:${connectionId}:tokens`,
  apiKey: (connectionId: string) => `connection:${connectionId}:apiKey`,
  clientSecret: (connectionId: string) => `connection:${connectionId}:clientSecret`,
}

/** The renderer's view of a record: status and labels only. */
export function toConnectionView(record: ConnectionRecord): ConnectionView {
  return {
    id: record.id,
    providerId: record.providerId,
    label: record.label,
    authKind: record.authKind,
    status: record.status,
    account: record.account,
    scopes: [...record.scopes],
    maskedKey: record.maskedKey,
    problem: record.problem,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

/**
 * `••••` and the key's last four characters. A key shorter than 12 characters shows no
 * characters at all, since four of eight would give away half of it.
 */
export function maskApiKey(apiKey: string): string {
  return apiKey.length >= 12 ? `••••${apiKey.slice(-4)}` : '••••'
}

const storedServer = z.object({
  issuer: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  revocationEndpoint: z.string().nullable(),
  userinfoEndpoint: z.string().nullable(),
  issParameterSupported: z.boolean(),
  idTokenSigningAlgs: z.array(z.string()),
})

/** The shape a record must have when read back; a hand-edited or older file may differ. */
export const ConnectionRecordSchema = ConnectionView.extend({
  id: z.string().min(1),
  providerId: z.string().min(1),
  oauth: z
    .object({
      server: storedServer,
      clientId: z.string(),
      requestedScopes: z.array(z.string()),
      hasClientSecret: z.boolean(),
      expiresAt: z.number(),
    })
    .nullable(),
  apiKey: z
    .object({
      headerName: z.string(),
      prefix: z.string(),
      baseUrl: z.string(),
      testUrl: z.string().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<ConnectionRecord>
