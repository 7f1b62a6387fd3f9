import type { CatalogEntry, OAuthSettings } from './catalog-types'

const customScheme = { kind: 'customScheme' } as const

/** RFC 6749 defaults; each entry overrides what its provider does differently. */
const oauth = (settings: Partial<OAuthSettings>): OAuthSettings => ({
  kind: 'oauth2',
  issuer: null,
  endpoints: null,
  defaultScopes: [],
  scopeSeparator: ' ',
  scopeParameter: 'scope',
  pkce: true,
  extraAuthorizeParams: {},
  tokenRequestHeaders: {},
  tokenResponse: 'standard',
  // RFC 6749 §2.3.1: every server must accept HTTP Basic; POST is the exception.
  clientAuth: 'clientSecretBasic',
  redirect: customScheme,
  // No entry ships a client id yet: each needs the person's own OAuth app.
  publicClientId: null,
  ...settings,
})

const endpoints = (
  authorization: string,
  token: string,
  more: { revocation?: string; userinfo?: string } = {},
) => ({
  authorization,
  token,
  revocation: more.revocation ?? null,
  userinfo: more.userinfo ?? null,
})

/** Providers that connect through OAuth 2.0 in the system browser (see PROVIDERS.md). */
export const oauthCatalogEntries: CatalogEntry[] = [
  {
    id: 'oauth2',
    name: 'OAuth 2.0 / OpenID Connect',
    category: 'Generic',
    icon: 'Oa',
    color: '#475569',
    description: 'Any OAuth 2.0 or OpenID Connect server, by issuer URL or endpoints.',
    generic: true,
    apiBaseUrl: null,
    auth: oauth({ defaultScopes: ['openid', 'profile', 'email', 'offline_access'] }),
    testRequest: null,
    unverified: [],
  },
  {
    id: 'github',
    name: 'GitHub',
    category: 'Developer tools',
    icon: 'Gh',
    color: '#24292f',
    description: 'Repositories, issues and pull requests.',
    generic: false,
    apiBaseUrl: 'https://api.github.com',
    auth: oauth({
      endpoints: endpoints(
        'https://github.com/login/oauth/authorize',
        'https://github.com/login/oauth/access_token',
      ),
      defaultScopes: ['repo', 'read:user'],
      // GitHub answers form-encoded unless asked for JSON.
      tokenRequestHeaders: { Accept: 'application/json' },
      tokenResponse: 'github',
      clientAuth: 'clientSecretPost',
    }),
    testRequest: {
      url: 'https://api.github.com/user',
      method: 'GET',
      headers: { Accept: 'application/vnd.github+json' },
      accountFields: ['login', 'email', 'name'],
    },
    unverified: ['Revocation needs the client secret at a non-RFC 7009 endpoint; not done.'],
  },
  {
    id: 'google',
    name: 'Gmail',
    category: 'Email',
    icon: 'G',
    color: '#ea4335',
    description: 'Read and send mail from a Google account.',
    generic: false,
    apiBaseUrl: 'https://gmail.googleapis.com',
    auth: oauth({
      issuer: 'https://accounts.google.com',
      endpoints: endpoints(
        'https://accounts.google.com/o/oauth2/v2/auth',
        'https://oauth2.googleapis.com/token',
        {
          revocation: 'https://oauth2.googleapis.com/revoke',
          userinfo: 'https://openidconnect.googleapis.com/v1/userinfo',
        },
      ),
      defaultScopes: ['openid', 'email', 'https://www.googleapis.com/auth/gmail.modify'],
      // Without both, Google may leave out the refresh token.
      extraAuthorizeParams: { access_type: 'offline', prompt: 'consent' },
      clientAuth: 'clientSecretPost',
      // Google refuses custom schemes for desktop clients.
      redirect: { kind: 'loopback', host: '127.0.0.1' },
    }),
    testRequest: {
      url: 'https://gmail.googleapis.com/gmail/v1/users/me/profile',
      method: 'GET',
      accountFields: ['emailAddress'],
    },
    unverified: [],
  },
  {
    id: 'slack',
    name: 'Slack',
    category: 'Chat',
    icon: 'Sl',
    color: '#4a154b',
    description: 'Post messages and read channels as yourself.',
    generic: false,
    apiBaseUrl: 'https://slack.com/api',
    auth: oauth({
      endpoints: endpoints(
        'https://slack.com/oauth/v2/authorize',
        'https://slack.com/api/oauth.v2.access',
      ),
      defaultScopes: ['chat:write', 'channels:read'],
      scopeSeparator: ',',
      scopeParameter: 'user_scope',
      tokenResponse: 'slack',
      clientAuth: 'clientSecretPost',
    }),
    testRequest: {
      url: 'https://slack.com/api/auth.test',
      method: 'GET',
      accountFields: ['user', 'team'],
      successField: 'ok',
    },
    unverified: [
      'The refresh answer is read with the user token at the top level or under authed_user.',
      'Revocation is Slack auth.revoke (not RFC 7009); not done.',
    ],
  },
  {
    id: 'notion',
    name: 'Notion',
    category: 'Docs',
    icon: 'N',
    color: '#111111',
    description: 'Pages and databases of a Notion workspace.',
    generic: false,
    apiBaseUrl: 'https://api.notion.com/v1',
    auth: oauth({
      endpoints: endpoints(
        'https://api.notion.com/v1/oauth/authorize',
        'https://api.notion.com/v1/oauth/token',
      ),
      pkce: false,
      extraAuthorizeParams: { owner: 'user' },
      clientAuth: 'clientSecretBasic',
    }),
    testRequest: {
      url: 'https://api.notion.com/v1/users/me',
      method: 'GET',
      headers: { 'Notion-Version': '2022-06-28' },
      accountFields: ['bot.owner.user.person.email', 'bot.owner.user.name', 'name'],
    },
    unverified: [
      'Notion documents a JSON token request body; a form body is sent and assumed accepted.',
      'Loopback redirects.',
    ],
  },
  {
    id: 'microsoft',
    name: 'Microsoft 365',
    category: 'Email',
    icon: 'Ms',
    color: '#0078d4',
    description: 'Outlook mail, OneDrive and Teams through Microsoft Graph.',
    generic: false,
    apiBaseUrl: 'https://graph.microsoft.com/v1.0',
    auth: oauth({
      endpoints: endpoints(
        'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
        'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      ),
      defaultScopes: ['offline_access', 'User.Read', 'Mail.ReadWrite'],
      extraAuthorizeParams: { response_mode: 'query' },
      // Entra ignores the port of an `http://localhost` redirect.
      redirect: { kind: 'loopback', host: 'localhost' },
    }),
    testRequest: {
      url: 'https://graph.microsoft.com/v1.0/me',
      method: 'GET',
      accountFields: ['userPrincipalName', 'mail', 'displayName'],
    },
    unverified: [],
  },
  {
    id: 'linear',
    name: 'Linear',
    category: 'Project management',
    icon: 'Li',
    color: '#5e6ad2',
    description: 'Issues and projects in Linear.',
    generic: false,
    apiBaseUrl: 'https://api.linear.app',
    auth: oauth({
      endpoints: endpoints(
        'https://linear.app/oauth/authorize',
        'https://api.linear.app/oauth/token',
        {
          revocation: 'https://api.linear.app/oauth/revoke',
        },
      ),
      defaultScopes: ['read', 'write'],
      scopeSeparator: ',',
      extraAuthorizeParams: { prompt: 'consent' },
      redirect: { kind: 'loopback', host: 'localhost' },
    }),
    testRequest: {
      url: 'https://api.linear.app/graphql',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"query":"{ viewer { email name } }"}',
      accountFields: ['data.viewer.email', 'data.viewer.name'],
    },
    unverified: ['Custom-scheme redirects.', 'Whether the revoke endpoint follows RFC 7009.'],
  },
  {
    id: 'dropbox',
    name: 'Dropbox',
    category: 'Files',
    icon: 'Db',
    color: '#0061ff',
    description: 'Files and folders in Dropbox.',
    generic: false,
    apiBaseUrl: 'https://api.dropboxapi.com/2',
    auth: oauth({
      endpoints: endpoints(
        'https://www.dropbox.com/oauth2/authorize',
        'https://api.dropboxapi.com/oauth2/token',
      ),
      // Without it Dropbox issues no refresh token.
      extraAuthorizeParams: { token_access_type: 'offline' },
    }),
    testRequest: {
      url: 'https://api.dropboxapi.com/2/users/get_current_account',
      method: 'POST',
      accountFields: ['email', 'name.display_name'],
    },
    unverified: [
      'Custom-scheme and loopback redirects.',
      'Revocation is a bearer call to /2/auth/token/revoke (not RFC 7009); not done.',
    ],
  },
]
