import { vi } from 'vitest'
import type { AllvApi, AllvBridge } from '../../src/shared/api-client'
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
    workflows: {
      list: vi.fn(async () => []),
      save: vi.fn(),
      delete: vi.fn(),
      run: vi.fn(),
      ...overrides.workflows,
    },
    runs: {
      list: vi.fn(async () => []),
      get: vi.fn(),
      onChanged: listen('runs:changed'),
      ...overrides.runs,
    },
  }
  vi.stubGlobal('window', { allv: bridgeOver(api) })
  const emit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload as never))
  return { api, emit }
}

type DeepPartial<T> = { [K in keyof T]?: Partial<T[K]> }

type Member = (...args: unknown[]) => unknown

/** Puts the fake API behind a bridge, as the preload would: calls resolve to envelopes. */
function bridgeOver(api: object): AllvBridge {
  const group = (members: Record<string, Member>) =>
    Object.fromEntries(
      Object.entries(members).map(([name, member]) => [
        name,
        name.startsWith('on')
          ? member
          : async (request: unknown) => {
              try {
                return { ok: true, value: await member(request) }
              } catch (error) {
                const { code = 'UNKNOWN', message } = error as { code?: string; message: string }
                return { ok: false, error: { code, message } }
              }
            },
      ]),
    )
  const groups = Object.entries(api as Record<string, Record<string, Member>>)
  return Object.fromEntries(groups.map(([name, members]) => [name, group(members)])) as AllvBridge
}

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
