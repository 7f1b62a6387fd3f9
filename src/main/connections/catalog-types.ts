/**
 * How the catalog describes a provider. Everything a provider does differently is data here,
 * so a wrong guess about a provider is a one-line change to its entry, not a code change.
 */

/** Where the browser sends the person back: the app's private-use scheme or a loopback port. */
export type RedirectStrategy =
  | { kind: 'customScheme' }
  /** RFC 8252 §7.3; some providers register `localhost`, and compare the host literally. */
  | { kind: 'loopback'; host: '127.0.0.1' | 'localhost' }

/** How the client authenticates at the token endpoint when the person gave a client secret. */
export type ClientAuthMethod = 'clientSecretBasic' | 'clientSecretPost'

/**
 * How a provider shapes its token endpoint answer. `standard` is RFC 6749 §5.1; the others are
 * rewritten into that shape before the OAuth library reads them.
 */
export type TokenResponseShape =
  /** RFC 6749 §5.1 and §5.2 as written. */
  | 'standard'
  /** Slack: `ok: false` errors with HTTP 200; the user token nested under `authed_user`. */
  | 'slack'
  /** GitHub: errors may come back as HTTP 200 with an `error` field. */
  | 'github'

/** A request that proves a credential works and, where it can, names the account. */
export interface TestRequest {
  url: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** Dotted paths into the JSON answer, tried in order, for the account's label. */
  accountFields: string[]
  /** A boolean field that must be true, for APIs that report failures with HTTP 200. */
  successField?: string
}

/** OAuth 2.0 settings of a provider that connects through the system browser. */
export interface OAuthSettings {
  kind: 'oauth2'
  /** Issuer identifier, when the provider has one; used for the RFC 9207 `iss` check. */
  issuer: string | null
  /** Null for the generic entry, whose person types endpoints or an issuer. */
  endpoints: {
    authorization: string
    token: string
    revocation: string | null
    userinfo: string | null
  } | null
  defaultScopes: string[]
  scopeSeparator: ' ' | ','
  /** The authorize parameter that carries the scopes (Slack puts user scopes in `user_scope`). */
  scopeParameter: string
  pkce: boolean
  extraAuthorizeParams: Record<string, string>
  /** Extra headers for token endpoint requests. */
  tokenRequestHeaders: Record<string, string>
  tokenResponse: TokenResponseShape
  clientAuth: ClientAuthMethod
  redirect: RedirectStrategy
  /** A client id allv ships for this provider; null means the person brings their own app. */
  publicClientId: string | null
}

/** API-key settings: where the key goes on each request. */
export interface ApiKeySettings {
  kind: 'apiKey'
  headerName: string
  prefix: string
  baseUrl: string
}

/** One catalog entry. `unverified` lists what no primary source confirmed. */
export interface CatalogEntry {
  id: string
  name: string
  category: string
  icon: string
  color: string
  description: string
  generic: boolean
  /** Base URL a workflow step's relative paths resolve against, when the provider has one. */
  apiBaseUrl: string | null
  auth: OAuthSettings | ApiKeySettings
  testRequest: TestRequest | null
  unverified: string[]
}

/** A catalog entry that connects through OAuth. */
export type OAuthCatalogEntry = CatalogEntry & { auth: OAuthSettings }

/** A catalog entry that connects with a pasted API key. */
export type ApiKeyCatalogEntry = CatalogEntry & { auth: ApiKeySettings }
