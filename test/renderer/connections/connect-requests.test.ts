import { describe, expect, it } from 'vitest'
import {
  buildApiKeyRequest,
  buildOAuthRequest,
  initialApiKeyValues,
  initialOAuthValues,
} from '../../../src/renderer/connections/connect-requests'
import { catalogEntry } from '../fake-allv'

const genericOAuth = catalogEntry({ id: 'oauth2', generic: true })
const genericKey = catalogEntry({ id: 'apikey', authKind: 'apiKey', generic: true })

describe('buildOAuthRequest', () => {
  it('sends the issuer, client and default scopes of the generic form', () => {
    const values = { ...initialOAuthValues(genericOAuth), issuer: ' https://id.test ' }
    const built = buildOAuthRequest(genericOAuth, { ...values, clientId: 'app', label: 'Lab' })
    expect(built.request).toEqual({
      providerId: 'oauth2',
      server: { issuer: 'https://id.test' },
      clientId: 'app',
      label: 'Lab',
      scopes: ['openid', 'profile', 'email', 'offline_access'],
    })
  })

  it('sends typed endpoints instead of an issuer when asked, leaving out blank ones', () => {
    const values = {
      ...initialOAuthValues(genericOAuth),
      useEndpoints: true,
      authorizationEndpoint: 'https://id.test/authorize',
      tokenEndpoint: 'https://id.test/token',
      clientId: 'app',
    }
    expect(buildOAuthRequest(genericOAuth, values).request?.server).toEqual({
      authorizationEndpoint: 'https://id.test/authorize',
      tokenEndpoint: 'https://id.test/token',
    })
  })

  it('names the empty fields a generic entry needs and sends nothing', () => {
    const built = buildOAuthRequest(genericOAuth, initialOAuthValues(genericOAuth))
    expect(built.request).toBeNull()
    expect(Object.keys(built.errors ?? {})).toEqual(['issuer', 'clientId'])
  })

  it('passes the connection id through when reconnecting in place', () => {
    const github = catalogEntry()
    const built = buildOAuthRequest(github, initialOAuthValues(github), 'c-1')
    expect(built.request).toEqual({ providerId: 'github', connectionId: 'c-1' })
  })
})

describe('buildApiKeyRequest', () => {
  it('sends the generic entry’s header settings with a bearer prefix by default', () => {
    const values = {
      ...initialApiKeyValues(),
      apiKey: ' k-123 ',
      baseUrl: 'https://api.test',
      testUrl: 'https://api.test/me',
    }
    expect(buildApiKeyRequest(genericKey, values).request).toEqual({
      providerId: 'apikey',
      apiKey: 'k-123',
      settings: {
        headerName: 'Authorization',
        prefix: 'Bearer ',
        baseUrl: 'https://api.test',
        testUrl: 'https://api.test/me',
      },
    })
  })

  it('asks only for the key when reconnecting, keeping the stored settings', () => {
    const built = buildApiKeyRequest(genericKey, { ...initialApiKeyValues(), apiKey: 'k' }, 'c-9')
    expect(built.request).toEqual({ providerId: 'apikey', apiKey: 'k', connectionId: 'c-9' })
  })

  it('refuses an empty key before anything is sent', () => {
    const built = buildApiKeyRequest(catalogEntry({ authKind: 'apiKey' }), initialApiKeyValues())
    expect(built.errors).toEqual({ apiKey: 'Paste the API key.' })
  })
})
