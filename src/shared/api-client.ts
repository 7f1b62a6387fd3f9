import type {
  EventName,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
  IpcError,
  IpcResult,
} from './ipc-contract'

/** How calls travel: Electron IPC in the app, HTTP on loopback in the test harness. */
export interface IpcTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

/** An error the main side reported, with its stable code kept. */
export class AllvApiError extends Error {
  readonly code: string

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'AllvApiError'
    this.code = error.code
  }
}

// Every call and event of the contract under the name the renderer uses for it, written once.
const callNames = {
  app: { notices: 'app:notices' },
  catalog: { list: 'catalog:list' },
  connections: {
    list: 'connections:list',
    startOAuth: 'connections:startOAuth',
    cancelOAuth: 'connections:cancelOAuth',
    connectApiKey: 'connections:connectApiKey',
    check: 'connections:check',
    disconnect: 'connections:disconnect',
  },
  workflows: {
    list: 'workflows:list',
    save: 'workflows:save',
    delete: 'workflows:delete',
    run: 'workflows:run',
  },
  runs: { list: 'runs:list', get: 'runs:get' },
} as const satisfies Record<string, Record<string, InvokeChannel>>

const eventListenerNames = {
  connections: { onChanged: 'connections:changed', onOAuthFlowEnded: 'oauth:flowEnded' },
  runs: { onChanged: 'runs:changed' },
} as const satisfies Record<string, Record<string, EventName>>

type CallNames = typeof callNames
type ListenerNames = typeof eventListenerNames

type Call<C extends InvokeChannel, Result> = [InvokeRequest<C>] extends [undefined]
  ? () => Promise<Result>
  : (request: InvokeRequest<C>) => Promise<Result>

// `Enveloped` picks what a call resolves to: the envelope on the bridge, the value in the API.
type CallOf<C, Enveloped extends boolean> = C extends InvokeChannel
  ? Call<C, Enveloped extends true ? IpcResult<InvokeResponse<C>> : InvokeResponse<C>>
  : never

type ListenOf<E> = E extends EventName
  ? (listener: (payload: EventPayload<E>) => void) => () => void
  : never

type Calls<Enveloped extends boolean> = {
  [G in keyof CallNames]: { [N in keyof CallNames[G]]: CallOf<CallNames[G][N], Enveloped> }
}

type Listeners = {
  [G in keyof ListenerNames]: { [N in keyof ListenerNames[G]]: ListenOf<ListenerNames[G][N]> }
}

/**
 * What the preload exposes as `window.allv`: one named function per contract entry, each
 * resolving to the result envelope. Errors stay data here because an Error thrown across
 * Electron's context bridge loses every property but its message, the code among them.
 */
export type AllvBridge = Calls<true> & Listeners

/** The API the renderer programs against: the bridge's calls, unwrapped, throwing on error. */
export type AllvApi = Calls<false> & Listeners

type Leaf = (...args: never[]) => unknown
type Tree = Record<string, Record<string, Leaf>>

function mapNames<V>(
  names: Record<string, Record<string, V>>,
  make: (value: V, path: string[]) => Leaf,
) {
  const tree: Tree = {}
  for (const [group, members] of Object.entries(names)) {
    const leaves: Record<string, Leaf> = (tree[group] = {})
    for (const [name, value] of Object.entries(members)) leaves[name] = make(value, [group, name])
  }
  return tree
}

function merge(calls: Tree, listeners: Tree): Tree {
  const tree: Tree = { ...calls }
  for (const [group, members] of Object.entries(listeners)) {
    tree[group] = { ...tree[group], ...members }
  }
  return tree
}

/** Builds the bridge over a transport; the preload and the test harness both expose this. */
export function createAllvBridge(transport: IpcTransport): AllvBridge {
  const calls = mapNames(
    callNames,
    (channel) => (request?: unknown) => transport.invoke(channel, request),
  )
  const listeners = mapNames(
    eventListenerNames,
    (event) => (listener: (p: unknown) => void) => transport.subscribe(event, listener),
  )
  return merge(calls, listeners) as unknown as AllvBridge
}

/** Wraps the bridge for the renderer: results unwrapped, error envelopes thrown with codes. */
export function createAllvApi(bridge: AllvBridge): AllvApi {
  const tree = bridge as unknown as Record<string, Record<string, (arg?: unknown) => unknown>>
  const calls = mapNames(callNames, (_channel, [group, name]) => async (request?: unknown) => {
    const result = (await tree[group!]![name!]!(request)) as IpcResult<unknown>
    if (!result.ok) throw new AllvApiError(result.error)
    return result.value
  })
  const listeners = mapNames(eventListenerNames, (_event, [group, name]) => tree[group!]![name!]!)
  return merge(calls, listeners) as unknown as AllvApi
}
