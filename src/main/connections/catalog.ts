import type { CatalogEntryView } from '../../shared/connections'
import { AllvError } from '../platform/errors'
import { apiKeyCatalogEntries } from './catalog-api-key-entries'
import { oauthCatalogEntries } from './catalog-oauth-entries'
import type { ApiKeyCatalogEntry, CatalogEntry, OAuthCatalogEntry } from './catalog-types'

/** Every provider allv knows, OAuth first, then API keys. */
export const defaultCatalogEntries: readonly CatalogEntry[] = [
  ...oauthCatalogEntries,
  ...apiKeyCatalogEntries,
]

/** Looks providers up by id; built over the default entries or a test's own. */
export interface Catalog {
  entries(): readonly CatalogEntry[]
  require(providerId: string): CatalogEntry
  requireOAuth(providerId: string): OAuthCatalogEntry
  requireApiKey(providerId: string): ApiKeyCatalogEntry
}

/** Builds a catalog; ids must be unique because they name redirect paths and records. */
export function createCatalog(entries: readonly CatalogEntry[] = defaultCatalogEntries): Catalog {
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  if (byId.size !== entries.length) throw new Error('Catalog entry ids must be unique')

  const require = (providerId: string): CatalogEntry => {
    const entry = byId.get(providerId)
    if (!entry) {
      throw new AllvError('PROVIDER_UNKNOWN', `No app called "${providerId}" is in the catalog.`)
    }
    return entry
  }

  return {
    entries: () => entries,
    require,
    requireOAuth: (providerId) => {
      const entry = require(providerId)
      if (entry.auth.kind !== 'oauth2') {
        throw new AllvError('INVALID_INPUT', `${entry.name} connects with an API key, not OAuth.`)
      }
      return entry as OAuthCatalogEntry
    },
    requireApiKey: (providerId) => {
      const entry = require(providerId)
      if (entry.auth.kind !== 'apiKey') {
        throw new AllvError('INVALID_INPUT', `${entry.name} connects through OAuth, not a key.`)
      }
      return entry as ApiKeyCatalogEntry
    },
  }
}

/** What the renderer may see of an entry: display data, no endpoints or client ids. */
export function toCatalogEntryView(entry: CatalogEntry): CatalogEntryView {
  const oauth = entry.auth.kind === 'oauth2' ? entry.auth : null
  return {
    id: entry.id,
    name: entry.name,
    category: entry.category,
    icon: entry.icon,
    color: entry.color,
    description: entry.description,
    authKind: entry.auth.kind,
    generic: entry.generic,
    needsClientId: oauth !== null && oauth.publicClientId === null,
    defaultScopes: oauth?.defaultScopes ?? [],
  }
}
