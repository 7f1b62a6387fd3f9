import { create } from 'zustand'
import type {
  CatalogEntryView,
  ConnectApiKeyRequest,
  ConnectionView,
  OAuthFlowEnded,
  StartOAuthRequest,
} from '../../shared/connections'
import { allv, KEYCHAIN_UNAVAILABLE, toUiError, type UiError } from '../allv'

const CANCEL_GRACE_MS = 2000

/** An OAuth flow waiting in the system browser, and the tile that waits with it. */
export interface PendingFlow {
  flowId: string
  providerId: string
  tileKey: string
  cancelling: boolean
}

/** The last thing a tile has to say: how a flow or a check ended. */
export interface TileMessage {
  tone: 'info' | 'success' | 'error'
  text: string
}

interface ConnectionsState {
  catalog: CatalogEntryView[]
  connections: ConnectionView[]
  loaded: boolean
  loadError: string | null
  /** Set once main reports that no keychain is reachable; nothing was stored. */
  keychainProblem: string | null
  flows: Record<string, PendingFlow>
  messages: Record<string, TileMessage>
  load(): Promise<void>
  subscribe(): () => void
  startOAuth(request: StartOAuthRequest, tileKey: string): Promise<void>
  cancelOAuth(flowId: string): Promise<void>
  connectApiKey(request: ConnectApiKeyRequest, tileKey: string): Promise<void>
  check(connectionId: string, tileKey: string): Promise<void>
  disconnect(connectionId: string, tileKey: string): Promise<void>
  setMessage(tileKey: string, message: TileMessage | null): void
}

/** Catalog, connections and in-flight OAuth flows, as main last reported them. */
export const useConnectionsStore = create<ConnectionsState>()((set, get) => {
  const setMessage = (tileKey: string, message: TileMessage | null) =>
    set((state) => {
      const messages = { ...state.messages }
      if (message) messages[tileKey] = message
      else delete messages[tileKey]
      return { messages }
    })

  // A call that needed the keychain went through, so it is back: the banner has had its say.
  const noteKeychainWorks = () => {
    if (get().keychainProblem !== null) set({ keychainProblem: null })
  }

  /** Records a keychain outage for the banner, and hands the error back to the caller. */
  const noteFailure = (error: unknown): UiError => {
    const failure = toUiError(error)
    if (failure.code === KEYCHAIN_UNAVAILABLE) set({ keychainProblem: failure.message })
    return failure
  }

  const upsert = (view: ConnectionView) =>
    set((state) => {
      const known = state.connections.some((connection) => connection.id === view.id)
      const connections = known
        ? state.connections.map((connection) => (connection.id === view.id ? view : connection))
        : [...state.connections, view]
      return { connections }
    })

  const endFlow = (event: OAuthFlowEnded) => {
    const flow = get().flows[event.flowId]
    if (!flow) return
    set((state) => {
      const flows = { ...state.flows }
      delete flows[event.flowId]
      return { flows }
    })
    if (event.outcome === 'connected') {
      noteKeychainWorks()
      setMessage(flow.tileKey, null)
      void refreshConnections()
    } else if (event.outcome === 'cancelled') {
      setMessage(flow.tileKey, { tone: 'info', text: event.message ?? 'Connecting was cancelled.' })
    } else {
      setMessage(flow.tileKey, { tone: 'error', text: event.message ?? 'Connecting failed.' })
    }
  }

  const refreshConnections = async () => {
    try {
      set({ connections: await allv().connections.list() })
    } catch (error) {
      noteFailure(error)
    }
  }

  return {
    catalog: [],
    connections: [],
    loaded: false,
    loadError: null,
    keychainProblem: null,
    flows: {},
    messages: {},

    async load() {
      try {
        const [catalog, connections] = await Promise.all([
          allv().catalog.list(),
          allv().connections.list(),
        ])
        set({ catalog, connections, loaded: true, loadError: null })
      } catch (error) {
        set({ loaded: true, loadError: noteFailure(error).message })
      }
    },

    subscribe() {
      const offChanged = allv().connections.onChanged((connections) => set({ connections }))
      const offEnded = allv().connections.onOAuthFlowEnded(endFlow)
      return () => {
        offChanged()
        offEnded()
      }
    },

    async startOAuth(request, tileKey) {
      setMessage(tileKey, null)
      try {
        const { flowId } = await allv().connections.startOAuth(request)
        const flow = { flowId, providerId: request.providerId, tileKey, cancelling: false }
        set((state) => ({ flows: { ...state.flows, [flowId]: flow } }))
      } catch (error) {
        throw noteFailure(error)
      }
    },

    async cancelOAuth(flowId) {
      const flow = get().flows[flowId]
      if (!flow) return
      set((state) => ({ flows: { ...state.flows, [flowId]: { ...flow, cancelling: true } } }))
      try {
        await allv().connections.cancelOAuth({ flowId })
        // Main reports the end itself; this only frees the tile if that report never comes.
        const ended = { ...flow, outcome: 'cancelled' as const, connectionId: null, message: null }
        setTimeout(() => endFlow(ended), CANCEL_GRACE_MS)
      } catch (error) {
        set((state) => ({ flows: { ...state.flows, [flowId]: { ...flow, cancelling: false } } }))
        setMessage(flow.tileKey, { tone: 'error', text: noteFailure(error).message })
      }
    },

    async connectApiKey(request, tileKey) {
      setMessage(tileKey, null)
      try {
        upsert(await allv().connections.connectApiKey(request))
        noteKeychainWorks()
      } catch (error) {
        throw noteFailure(error)
      }
    },

    async check(connectionId, tileKey) {
      setMessage(tileKey, null)
      try {
        const view = await allv().connections.check({ connectionId })
        noteKeychainWorks()
        upsert(view)
        const text = view.problem ?? `Works${view.account ? ` as ${view.account}` : ''}.`
        setMessage(tileKey, { tone: view.status === 'connected' ? 'success' : 'error', text })
      } catch (error) {
        setMessage(tileKey, { tone: 'error', text: noteFailure(error).message })
      }
    },

    async disconnect(connectionId, tileKey) {
      setMessage(tileKey, null)
      try {
        await allv().connections.disconnect({ connectionId })
        noteKeychainWorks()
        set((state) => ({
          connections: state.connections.filter((connection) => connection.id !== connectionId),
        }))
      } catch (error) {
        setMessage(tileKey, { tone: 'error', text: noteFailure(error).message })
      }
    },

    setMessage,
  }
})
