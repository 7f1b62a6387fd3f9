import { z } from 'zod'
import {
  CatalogEntryView,
  ConnectApiKeyRequest,
  ConnectionIdRequest,
  ConnectionView,
  OAuthFlowEnded,
  StartOAuthRequest,
  StartOAuthResponse,
} from './connections'
import { RunDetail, RunSummary, Workflow, WorkflowDraft } from './workflows'

const nothing = z.undefined()
const workflowId = z.object({ workflowId: z.string().min(1).max(64) })
const runId = z.object({ runId: z.string().min(1).max(64) })

/**
 * Every call the renderer may make: its channel, what it sends, what it gets back.
 * The main side validates `request` before a service sees it; nothing else crosses.
 */
export const invokeContract = {
  'app:notices': { request: nothing, response: z.array(z.string()) },
  'catalog:list': { request: nothing, response: z.array(CatalogEntryView) },
  'connections:list': { request: nothing, response: z.array(ConnectionView) },
  'connections:startOAuth': { request: StartOAuthRequest, response: StartOAuthResponse },
  'connections:cancelOAuth': {
    request: z.object({ flowId: z.string().min(1).max(64) }),
    response: nothing,
  },
  'connections:connectApiKey': { request: ConnectApiKeyRequest, response: ConnectionView },
  'connections:check': { request: ConnectionIdRequest, response: ConnectionView },
  'connections:disconnect': { request: ConnectionIdRequest, response: nothing },
  'workflows:list': { request: nothing, response: z.array(Workflow) },
  'workflows:save': { request: WorkflowDraft, response: Workflow },
  'workflows:delete': { request: workflowId, response: nothing },
  'workflows:run': { request: workflowId, response: z.object({ runId: z.string() }) },
  'runs:list': {
    request: z.object({ workflowId: z.string().max(64).optional() }),
    response: z.array(RunSummary),
  },
  'runs:get': { request: runId, response: RunDetail },
} as const

/** Every event the main side may push to the renderer, with its payload. */
export const eventContract = {
  'connections:changed': z.array(ConnectionView),
  'oauth:flowEnded': OAuthFlowEnded,
  'runs:changed': RunSummary,
} as const

export type InvokeChannel = keyof typeof invokeContract
export type EventName = keyof typeof eventContract

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>
export type InvokeResponse<C extends InvokeChannel> = z.output<
  (typeof invokeContract)[C]['response']
>
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[]
export const eventNames = Object.keys(eventContract) as EventName[]

/** An error as it crosses to the renderer: a stable code and a message for the person. */
export const IpcError = z.object({ code: z.string(), message: z.string() })
export type IpcError = z.infer<typeof IpcError>

/** Every invoke answers with this envelope, so the error code survives the crossing. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventContract, value)
}
