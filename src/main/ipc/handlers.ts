import type { ZodType } from 'zod'
import {
  eventContract,
  invokeContract,
  type EventName,
  type InvokeChannel,
  type IpcError,
  type IpcResult,
} from '../../shared/ipc-contract'
import { isAllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import type { Services } from '../services'
import { parseRequest } from './parse-request'

/** One function per contract channel: validates the payload, calls a service, wraps the result. */
export type IpcHandlers = {
  [C in InvokeChannel]: (payload: unknown) => Promise<IpcResult<unknown>>
}

type Route = (services: Services, request: never) => unknown

const routes: { [C in InvokeChannel]: Route } = {
  'app:notices': (s) => s.notices(),
  'catalog:list': (s) => s.connections.listCatalog(),
  'connections:list': (s) => s.connections.list(),
  'connections:startOAuth': (s, request) => s.connections.startOAuth(request),
  'connections:cancelOAuth': (s, { flowId }: { flowId: string }) =>
    s.connections.cancelOAuth(flowId),
  'connections:connectApiKey': (s, request) => s.connections.connectApiKey(request),
  'connections:check': (s, { connectionId }: { connectionId: string }) =>
    s.connections.check(connectionId),
  'connections:disconnect': (s, { connectionId }: { connectionId: string }) =>
    s.connections.disconnect(connectionId),
  'workflows:list': (s) => s.workflows.list(),
  'workflows:save': (s, draft) => s.workflows.save(draft),
  'workflows:delete': (s, { workflowId }: { workflowId: string }) => s.workflows.delete(workflowId),
  'workflows:run': (s, { workflowId }: { workflowId: string }) => s.workflows.run(workflowId),
  'runs:list': (s, filter) => s.workflows.listRuns(filter),
  'runs:get': (s, { runId }: { runId: string }) => s.workflows.getRun(runId),
}

/**
 * Binds every channel of the contract to the services. Both the Electron IPC binding and the
 * test harness call these, so a payload is checked the same way whichever way it arrived,
 * and an answer carries only the fields the contract names.
 */
export function createIpcHandlers(services: Services): IpcHandlers {
  const log = services.logger.child('ipc')
  const bind = (channel: InvokeChannel) => async (payload: unknown) => {
    const request = parseRequest(channel, payload)
    if (!request.ok) return request
    try {
      const value = await routes[channel](services, request.value as never)
      // Parsing the answer too drops any field the contract does not name.
      const response = invokeContract[channel].response as ZodType
      return { ok: true as const, value: response.parse(value) }
    } catch (error) {
      return failure(toIpcError(error, channel, log))
    }
  }
  return Object.fromEntries(
    Object.keys(routes).map((channel) => [channel, bind(channel as InvokeChannel)]),
  ) as IpcHandlers
}

/**
 * Forwards every contract event from the services to `emit`, validating each payload so
 * that nothing outside the contract (a token, say) can ride along. Returns an unsubscribe.
 */
export function subscribeToEvents(
  services: Services,
  emit: (event: EventName, payload: unknown) => void,
): () => void {
  const send = (event: EventName) => (payload: unknown) =>
    emit(event, (eventContract[event] as ZodType).parse(payload))
  const unsubscribes = [
    services.connections.onChanged(send('connections:changed')),
    services.connections.onFlowEnded(send('oauth:flowEnded')),
    services.workflows.onRunChanged(send('runs:changed')),
  ]
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error }
}

// A user's mistake or an operational failure carries its own message; anything else is a bug,
// logged with its stack and shown without internals that might hold a secret.
function toIpcError(error: unknown, channel: InvokeChannel, log: Logger): IpcError {
  if (isAllvError(error)) {
    log.warn('call failed', { channel, code: error.code })
    return { code: error.code, message: error.message }
  }
  log.error('call failed unexpectedly', { channel, error })
  return { code: 'INTERNAL', message: 'Something went wrong inside allv. The log has details.' }
}
