import type { Clock } from '../platform/clock'
import type { OAuthCatalogEntry } from './catalog-types'
import type { StoredOAuthServer } from './connection-record'

/** How long a person has to finish signing in before the flow's `state` stops working. */
export const FLOW_LIFETIME_MS = 10 * 60_000

/** One authorization request waiting for its redirect. Lives in memory only. */
export interface PendingFlow {
  flowId: string
  /** RFC 6749 §10.12 / RFC 9700 §4.7: high-entropy, bound to this flow, used once. */
  state: string
  providerId: string
  entry: OAuthCatalogEntry
  server: StoredOAuthServer
  clientId: string
  /** Held in memory until the flow ends; written to the keychain only with the connection. */
  clientSecret: string | null
  /** RFC 7636 §4.1; null when the provider does not support PKCE. */
  codeVerifier: string | null
  redirectUri: string
  scopes: string[]
  connectionId: string | null
  label: string | null
  expiresAt: number
  /** Stops the loopback listener, for flows that redirect to one. */
  release: () => void
}

/** Why a callback found no flow to complete. */
export type FlowLookupMiss = 'unknown-state' | 'wrong-provider'

/** The table of pending flows, keyed by `state`. */
export interface PendingFlows {
  add(flow: PendingFlow): void
  /**
   * Removes and returns the flow a callback belongs to, so a replay finds nothing. A callback
   * on another provider's path leaves the flow in place: that is a mix-up attempt (RFC 9700
   * §4.4), not the flow's real answer. Callers take expired flows out first.
   */
  take(providerId: string, state: string): PendingFlow | FlowLookupMiss
  takeById(flowId: string): PendingFlow | null
  /** Removes and returns every flow whose time is up. */
  takeExpired(): PendingFlow[]
}

/** Builds an empty table that ages flows by the given clock. */
export function createPendingFlows(clock: Clock): PendingFlows {
  const byState = new Map<string, PendingFlow>()

  const remove = (flow: PendingFlow) => {
    byState.delete(flow.state)
    flow.release()
    return flow
  }

  return {
    add: (flow) => {
      byState.set(flow.state, flow)
    },
    take: (providerId, state) => {
      const flow = byState.get(state)
      if (!flow) return 'unknown-state'
      if (flow.providerId !== providerId) return 'wrong-provider'
      return remove(flow)
    },
    takeById: (flowId) => {
      const flow = [...byState.values()].find((candidate) => candidate.flowId === flowId)
      return flow ? remove(flow) : null
    },
    takeExpired: () =>
      [...byState.values()].filter((flow) => flow.expiresAt <= clock.now()).map(remove),
  }
}
