import { vi } from 'vitest'
import type { AllvApi } from '../../src/shared/api-client'
import type { CatalogEntryView, ConnectionView } from '../../src/shared/connections'

type Listener = (payload: never) => void

/** An in-memory `window.allv` whose calls are spies and whose events a test can emit. */
export function installFakeAllv(overrides: DeepPartial<AllvApi> = {}) {
  const listeners = new Map<string, Set<Listener>>()
  const listen = (event: string) =>
    vi.fn((listener: Listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    })
  const api = {
    catalog: { list: vi.fn(async () => []) },
    connections: {
      list: vi.fn(async () => []),
      startOAuth: vi.fn(async () => ({ flowId: 'flow-1' })),
      cancelOAuth: vi.fn(async () => undefined),
      connectApiKey: vi.fn(),
      check: vi.fn(),
      disconnect: vi.fn(async () => undefined),
      onChanged: listen('connections:changed'),
      onOAuthFlowEnded: listen('oauth:flowEnded'),
      ...overrides.connections,
    },
    workflows: { list: vi.fn(async () => []), save: vi.fn(), delete: vi.fn(), run: vi.fn() },
    runs: {
      list: vi.fn(async () => []),
      get: vi.fn(),
      onChanged: listen('runs:changed'),
      ...overrides.runs,
    },
  }
  vi.stubGlobal('window', { allv: api })
  const emit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload as never))
  return { api, emit }
}

type DeepPartial<T> = { [K in keyof T]?: Partial<T[K]> }

/** A catalog entry with sensible defaults. */
export function catalogEntry(patch: Partial<CatalogEntryView> = {}): CatalogEntryView {
  return {
    id: 'github',
    name: 'GitHub',
    category: 'Developer tools',
    icon: 'GH',
    color: '#24292f',
    description: 'Repositories and issues.',
    authKind: 'oauth2',
    generic: false,
    needsClientId: false,
    defaultScopes: [],
    ...patch,
  }
}

/** A healthy connection with sensible defaults. */
export function connectionView(patch: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'c-1',
    providerId: 'github',
    label: 'GitHub',
    authKind: 'oauth2',
    status: 'connected',
    account: 'octocat',
    scopes: [],
    maskedKey: null,
    problem: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  }
}
