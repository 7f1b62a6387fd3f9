import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import type { OAuthFlowEnded } from '../../src/shared/connections'
import { createConnectionService, type ManagedConnectionService } from '../../src/main/connections'
import { secretKeys } from '../../src/main/connections/connection-record'
import type { CatalogEntry, ConnectionsDocument } from '../../src/main/connections'
import { parseDeepLink } from '../../src/main/deep-links'
import type { OAuthCallbackLink } from '../../src/main/deep-links'
import { createLogger } from '../../src/main/platform/logger'
import { createSystemSecretStore } from '../../src/main/secrets/keytar-secret-store'
import type { SecretStore } from '../../src/main/secrets/secret-store'
import type { KeyValueStore } from '../../src/main/storage/key-value-store'

/** A clock that reads real time plus a skew a test can move forward. */
export interface SkewedClock {
  now(): number
  skewMs: number
}

/** A connections service on real parts: conf in a temp folder, the real keychain, real fetch. */
export interface ConnectionsFixture {
  service: ManagedConnectionService
  store: KeyValueStore<ConnectionsDocument>
  secrets: SecretStore
  clock: SkewedClock
  dataDir: string
  /** Every log line the service wrote, as JSON text. */
  logLines: string[]
  /** Resolves with the next URL the service opened in the "system browser". */
  nextOpenedUrl(): Promise<string>
  /** Every URL the service asked to open so far, refused ones included. */
  openedUrls: string[]
  /** Resolves when the given flow ends. */
  flowEnd(flowId: string): Promise<OAuthFlowEnded>
  /** The raw text of every file in the data folder, for canary checks. */
  dataFilesText(): string
  /** Builds a second service over the same file and keychain, as after a restart. */
  restart(): ManagedConnectionService
  /** Deletes the data folder and the keychain entries of every connection still recorded. */
  close(): Promise<void>
}

/** What a test may replace: pass `secrets` or `fetch` to watch what the service does with them. */
export interface ConnectionsFixtureOptions {
  secrets?: SecretStore
  fetch?: typeof fetch
  catalog?: CatalogEntry[]
  /** The "system browser"; by default it accepts every URL and queues it for nextOpenedUrl. */
  openExternal?: (url: string) => Promise<void>
}

/** Builds the fixture over a fresh data folder. */
export function createConnectionsFixture(
  options: ConnectionsFixtureOptions = {},
): ConnectionsFixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'allv-connections-'))
  const store = new Conf<ConnectionsDocument>({ cwd: dataDir, configName: 'connections' })
  const secrets = options.secrets ?? createSystemSecretStore()
  const clock: SkewedClock = { skewMs: 0, now: () => Date.now() + clock.skewMs }
  const logLines: string[] = []
  const opened: string[] = []
  const openedUrls: string[] = []
  const waiting: ((url: string) => void)[] = []
  const ended = new Map<string, OAuthFlowEnded>()
  const endWaiters = new Map<string, (event: OAuthFlowEnded) => void>()

  const build = () =>
    createConnectionService({
      store,
      secrets,
      clock,
      logger: createLogger((line) => logLines.push(line), 'debug'),
      fetch: options.fetch,
      catalog: options.catalog,
      openExternal: (url) => {
        openedUrls.push(url)
        if (options.openExternal) return options.openExternal(url)
        const waiter = waiting.shift()
        if (waiter) waiter(url)
        else opened.push(url)
      },
    })
  const service = build()
  service.onFlowEnded((event) => {
    ended.set(event.flowId, event)
    endWaiters.get(event.flowId)?.(event)
  })

  return {
    service,
    store,
    secrets,
    clock,
    dataDir,
    logLines,
    openedUrls,
    nextOpenedUrl: () => {
      const url = opened.shift()
      return url ? Promise.resolve(url) : new Promise((resolve) => waiting.push(resolve))
    },
    flowEnd: (flowId) => {
      const event = ended.get(flowId)
      return event
        ? Promise.resolve(event)
        : new Promise((resolve) => endWaiters.set(flowId, resolve))
    },
    dataFilesText: () =>
      readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
        .join('\n'),
    restart: build,
    close: async () => {
      for (const id of Object.keys(store.get('connections') ?? {})) {
        for (const key of Object.values(secretKeys))
          await secrets.delete(key(id)).catch(() => false)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Turns a captured redirect into the link the deep-link entry point would hand over. */
export function callbackLinkFrom(url: string): OAuthCallbackLink {
  const parsed = parseDeepLink(url)
  if (!parsed.ok)
    throw new Error(`The redirect was refused by the deep-link validator: ${parsed.reason}`)
  return parsed.link
}
