import { describe, expect, it } from 'vitest'
import { CatalogEntryView } from '../../../src/shared/connections'
import {
  createCatalog,
  defaultCatalogEntries,
  toCatalogEntryView,
} from '../../../src/main/connections/catalog'

describe('the provider catalog', () => {
  it('offers the generic entries and the common providers', () => {
    const ids = defaultCatalogEntries.map((entry) => entry.id)

    expect(ids).toEqual(
      expect.arrayContaining([
        'oauth2',
        'apikey',
        'github',
        'google',
        'slack',
        'notion',
        'microsoft',
        'linear',
        'dropbox',
        'openai',
        'stripe',
      ]),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('shows the renderer display data only, never endpoints or client ids', () => {
    for (const entry of defaultCatalogEntries) {
      const view = toCatalogEntryView(entry)

      expect(CatalogEntryView.strict().parse(view)).toEqual(view)
      // Google's scopes are URLs themselves; every other field must be free of them.
      expect(JSON.stringify({ ...view, defaultScopes: [] })).not.toMatch(/https?:\/\//)
    }
  })

  it('asks for the person’s own OAuth app where no public client id ships', () => {
    const github = toCatalogEntryView(createCatalog().require('github'))

    expect(github).toMatchObject({ authKind: 'oauth2', needsClientId: true, generic: false })
  })

  it('sends Google through a loopback redirect and everyone else through the app scheme', () => {
    const catalog = createCatalog()
    const redirectOf = (id: string) => catalog.requireOAuth(id).auth.redirect.kind

    expect(redirectOf('google')).toBe('loopback')
    expect(redirectOf('github')).toBe('customScheme')
    expect(redirectOf('oauth2')).toBe('customScheme')
  })

  it('refuses an unknown provider with PROVIDER_UNKNOWN', () => {
    expect(() => createCatalog().require('nope')).toThrow(
      expect.objectContaining({ code: 'PROVIDER_UNKNOWN' }),
    )
  })
})
