import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Provider } from 'oidc-provider'
import { oauthRedirectUri } from '../../src/main/deep-links/oauth-callback-link'
import { handleInteraction, type TestUser } from './oidc-interactions'

export type { TestUser } from './oidc-interactions'

/** How the test provider is set up; every field has a default. */
export interface OidcServerOptions {
  clientId?: string
  /** Redirect URIs of the public client; loopback ones match on any port (RFC 8252 §7.3). */
  redirectUris?: string[]
  /** Lifetime of access tokens, in seconds. */
  accessTokenTtlSeconds?: number
  users?: TestUser[]
  /** The one key the API-key server accepts. */
  apiKey?: string
}

/** A running OAuth provider on loopback, with a resource server and an API-key server. */
export interface OidcServer {
  issuer: string
  clientId: string
  user: TestUser
  /** GET answers 200 with the account for a live access token of this provider, 401 otherwise. */
  resourceUrl: string
  apiKeyServer: { url: string; key: string; headerName: string; prefix: string; baseUrl: string }
  /** How many requests reached a provider path so far, e.g. `hits('/token')`. */
  hits(path: string): number
  close(): Promise<void>
}

/** The person every test signs in as. */
export const ada: TestUser = {
  login: 'ada',
  password: 'analytical-engine',
  email: 'ada@example.test',
  name: 'Ada Lovelace',
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })

const json = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

const providerConfiguration = (options: Required<OidcServerOptions>) => ({
  clients: [
    {
      client_id: options.clientId,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  jwks: {
    keys: [
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    ],
  },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
  interactions: {
    url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
  },
  // Refresh tokens for every public client that may use them, rotating on each use (default).
  issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
    client.grantTypeAllowed('refresh_token'),
  ttl: {
    AccessToken: options.accessTokenTtlSeconds,
    AuthorizationCode: 60,
    IdToken: 3600,
    RefreshToken: 14 * 24 * 3600,
    Interaction: 3600,
    Session: 3600,
    Grant: 14 * 24 * 3600,
  },
  findAccount: (_ctx: unknown, id: string) => {
    const user = options.users.find((candidate) => candidate.login === id)
    if (!user) return undefined
    return {
      accountId: id,
      claims: () => ({
        sub: id,
        email: user.email,
        email_verified: true,
        name: user.name,
        preferred_username: user.login,
      }),
    }
  },
})

/** Starts a real oidc-provider on 127.0.0.1 with its own login and consent pages. */
export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcServer> {
  const settings: Required<OidcServerOptions> = {
    clientId: options.clientId ?? 'allv-desktop-test',
    redirectUris: options.redirectUris ?? [
      oauthRedirectUri('oauth2'),
      'http://127.0.0.1/oauth/oauth2',
    ],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    users: options.users ?? [ada],
    apiKey: options.apiKey ?? `test-key-${randomBytes(12).toString('hex')}`,
  }
  const counts = new Map<string, number>()

  // The issuer names the port, so the server listens before the provider exists.
  const oidc = createServer()
  const issuer = await listen(oidc)
  const provider = new Provider(issuer, providerConfiguration(settings))
  const handle = provider.callback()
  oidc.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    counts.set(path, (counts.get(path) ?? 0) + 1)
    handleInteraction(provider, settings.users, request, response).then(
      (handled) => handled || handle(request, response),
      (error: unknown) => json(response, 500, { error: String(error) }),
    )
  })

  const serveApi = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const auth = request.headers.authorization ?? ''
    if (url.pathname === '/me') {
      const token = auth.startsWith('Bearer ')
        ? await provider.AccessToken.find(auth.slice(7))
        : undefined
      if (!token || token.isExpired) {
        return json(
          response,
          401,
          { error: 'invalid_token' },
          { 'www-authenticate': 'Bearer error="invalid_token"' },
        )
      }
      const user = settings.users.find((candidate) => candidate.login === token.accountId)
      return json(response, 200, { sub: token.accountId, email: user?.email, name: user?.name })
    }
    if (url.pathname === '/keyed/me') {
      if (auth !== `Key ${settings.apiKey}`) return json(response, 401, { error: 'bad key' })
      return json(response, 200, { name: 'Test workspace', email: 'team@example.test' })
    }
    json(response, 404, { error: 'not found' })
  }
  const api = createServer((request, response) => void serveApi(request, response))
  const apiOrigin = await listen(api)

  return {
    issuer,
    clientId: settings.clientId,
    user: settings.users[0] ?? ada,
    resourceUrl: `${apiOrigin}/me`,
    apiKeyServer: {
      url: `${apiOrigin}/keyed/me`,
      key: settings.apiKey,
      headerName: 'Authorization',
      prefix: 'Key ',
      baseUrl: `${apiOrigin}/keyed`,
    },
    hits: (path) => counts.get(path) ?? 0,
    close: async () => {
      await Promise.all([stop(oidc), stop(api)])
    },
  }
}
