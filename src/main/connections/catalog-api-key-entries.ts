import type { CatalogEntry } from './catalog-types'

/** Providers that connect with a pasted API key, and the generic entry for any other API. */
export const apiKeyCatalogEntries: CatalogEntry[] = [
  {
    id: 'apikey',
    name: 'API key',
    category: 'Generic',
    icon: 'Ky',
    color: '#64748b',
    description: 'Any HTTP API that takes a key in a header.',
    generic: true,
    apiBaseUrl: null,
    // The person supplies header, prefix, base URL and test URL when connecting.
    auth: { kind: 'apiKey', headerName: 'Authorization', prefix: 'Bearer ', baseUrl: '' },
    testRequest: null,
    unverified: [],
  },
  {
    id: 'openai',
    name: 'OpenAI',
    category: 'AI',
    icon: 'Ai',
    color: '#10a37f',
    description: 'Models and completions from the OpenAI API.',
    generic: false,
    apiBaseUrl: 'https://api.openai.com/v1',
    auth: {
      kind: 'apiKey',
      headerName: 'Authorization',
      prefix: 'Bearer ',
      baseUrl: 'https://api.openai.com/v1',
    },
    // Listing models proves the key; no endpoint names the key's owner.
    testRequest: { url: 'https://api.openai.com/v1/models', method: 'GET', accountFields: [] },
    unverified: [],
  },
  {
    id: 'stripe',
    name: 'Stripe',
    category: 'Payments',
    icon: 'St',
    color: '#635bff',
    description: 'Payments, customers and invoices.',
    generic: false,
    apiBaseUrl: 'https://api.stripe.com/v1',
    auth: {
      kind: 'apiKey',
      headerName: 'Authorization',
      prefix: 'Bearer ',
      baseUrl: 'https://api.stripe.com/v1',
    },
    testRequest: {
      url: 'https://api.stripe.com/v1/account',
      method: 'GET',
      accountFields: ['settings.dashboard.display_name', 'email', 'id'],
    },
    unverified: [],
  },
]
