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

type Call<C extends InvokeChannel> = [InvokeRequest<C>] extends [undefined]
  ? () => Promise<InvokeResponse<C>>
  : (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>

type Listen<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void

/** The API the renderer sees as `window.allv`: named functions, one per contract entry. */
export interface AllvApi {
  /** Sentences about data the app had to recover at start (a file moved aside, say). */
  app: { notices: Call<'app:notices'> }
  catalog: { list: Call<'catalog:list'> }
  connections: {
    list: Call<'connections:list'>
    startOAuth: Call<'connections:startOAuth'>
    cancelOAuth: Call<'connections:cancelOAuth'>
    connectApiKey: Call<'connections:connectApiKey'>
    check: Call<'connections:check'>
    disconnect: Call<'connections:disconnect'>
    onChanged: Listen<'connections:changed'>
    onOAuthFlowEnded: Listen<'oauth:flowEnded'>
  }
  workflows: {
    list: Call<'workflows:list'>
    save: Call<'workflows:save'>
    delete: Call<'workflows:delete'>
    run: Call<'workflows:run'>
  }
  runs: {
    list: Call<'runs:list'>
    get: Call<'runs:get'>
    onChanged: Listen<'runs:changed'>
  }
}

/** Builds `window.allv` over a transport; both the preload and the harness bridge use it. */
export function createAllvApi(transport: IpcTransport): AllvApi {
  const call =
    (channel: InvokeChannel) =>
    async (request?: unknown): Promise<never> => {
      const result = (await transport.invoke(channel, request)) as IpcResult<never>
      if (!result.ok) throw new AllvApiError(result.error)
      return result.value
    }
  const listen = (event: EventName) => (listener: (payload: never) => void) =>
    transport.subscribe(event, (payload) => listener(payload as never))

  return {
    app: { notices: call('app:notices') },
    catalog: { list: call('catalog:list') },
    connections: {
      list: call('connections:list'),
      startOAuth: call('connections:startOAuth'),
      cancelOAuth: call('connections:cancelOAuth'),
      connectApiKey: call('connections:connectApiKey'),
      check: call('connections:check'),
      disconnect: call('connections:disconnect'),
      onChanged: listen('connections:changed'),
      onOAuthFlowEnded: listen('oauth:flowEnded'),
    },
    workflows: {
      list: call('workflows:list'),
      save: call('workflows:save'),
      delete: call('workflows:delete'),
      run: call('workflows:run'),
    },
    runs: {
      list: call('runs:list'),
      get: call('runs:get'),
      onChanged: listen('runs:changed'),
    },
  }
}
