import { z } from 'zod'

/** How a provider takes a credential: OAuth 2.0 in the system browser, or a pasted API key. */
export const AuthKind = z.enum(['oauth2', 'apiKey'])
export type AuthKind = z.infer<typeof AuthKind>

/** What the renderer may know of a catalog entry: display data, never endpoints or client ids. */
export const CatalogEntryView = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  /** A short glyph (one or two characters) drawn on the tile. */
  icon: z.string(),
  /** The tile's accent colour, as a CSS hex colour. */
  color: z.string(),
  description: z.string(),
  authKind: AuthKind,
  /** Generic entries ask the person for endpoints; others are ready to connect. */
  generic: z.boolean(),
  /** Whether connecting needs the person's own OAuth app (no shipped public client id). */
  needsClientId: z.boolean(),
  defaultScopes: z.array(z.string()),
})
export type CatalogEntryView = z.infer<typeof CatalogEntryView>

/** Health of a connection as a tile shows it. */
export const ConnectionStatus = z.enum(['connected', 'needsReconnect', 'error'])
export type ConnectionStatus = z.infer<typeof ConnectionStatus>

/** A connection as the renderer sees it: status and labels, never a token or key. */
export const ConnectionView = z.object({
  id: z.string(),
  providerId: z.string(),
  label: z.string(),
  authKind: AuthKind,
  status: ConnectionStatus,
  /** Who the credential belongs to (email, login, workspace), once known. */
  account: z.string().nullable(),
  scopes: z.array(z.string()),
  /** For API keys: the last characters only, e.g. `••••3f9a`. */
  maskedKey: z.string().nullable(),
  /** Why the connection is unhealthy, in words a person can act on. */
  problem: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ConnectionView = z.infer<typeof ConnectionView>

const httpUrl = z
  .string()
  .trim()
  .url('must be a full URL such as https://example.com')
  .refine((value) => /^https?:\/\//i.test(value), 'must start with https:// or http://')

const scopeList = z.array(z.string().trim().min(1).max(200)).max(100)

/** Endpoints of an OAuth server, found by discovery from an issuer or typed in. */
export const OAuthServerInput = z.union([
  z.object({ issuer: httpUrl }),
  z.object({
    authorizationEndpoint: httpUrl,
    tokenEndpoint: httpUrl,
    userinfoEndpoint: httpUrl.optional(),
    revocationEndpoint: httpUrl.optional(),
  }),
])
export type OAuthServerInput = z.infer<typeof OAuthServerInput>

/** A request to connect, or reconnect in place, through OAuth in the system browser. */
export const StartOAuthRequest = z.object({
  providerId: z.string().min(1).max(64),
  /** Set to repair an existing connection instead of adding one. */
  connectionId: z.string().min(1).max(64).optional(),
  label: z.string().trim().max(80).optional(),
  /** Required for generic entries; optional overrides for catalog entries. */
  server: OAuthServerInput.optional(),
  /** The person's own OAuth app; the secret goes to the keychain, never to a file. */
  clientId: z.string().trim().min(1).max(512).optional(),
  clientSecret: z.string().min(1).max(2048).optional(),
  scopes: scopeList.optional(),
})
export type StartOAuthRequest = z.infer<typeof StartOAuthRequest>

export const StartOAuthResponse = z.object({ flowId: z.string() })

/** How an OAuth flow in the browser ended, as the tile reports it. */
export const OAuthFlowEnded = z.object({
  flowId: z.string(),
  providerId: z.string(),
  outcome: z.enum(['connected', 'cancelled', 'failed']),
  connectionId: z.string().nullable(),
  message: z.string().nullable(),
})
export type OAuthFlowEnded = z.infer<typeof OAuthFlowEnded>

/** A pasted API key and how to use it; the key is tested before anything is saved. */
export const ConnectApiKeyRequest = z.object({
  providerId: z.string().min(1).max(64),
  connectionId: z.string().min(1).max(64).optional(),
  label: z.string().trim().max(80).optional(),
  apiKey: z.string().trim().min(1, 'paste the API key').max(4096),
  /** Required for the generic entry; catalog entries bring their own. */
  settings: z
    .object({
      headerName: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name such as Authorization'),
      prefix: z.string().max(32).default(''),
      baseUrl: httpUrl,
      testUrl: httpUrl,
    })
    .optional(),
})
export type ConnectApiKeyRequest = z.input<typeof ConnectApiKeyRequest>

export const ConnectionIdRequest = z.object({ connectionId: z.string().min(1).max(64) })
