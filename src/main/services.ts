import type {
  CatalogEntryView,
  ConnectApiKeyRequest,
  ConnectionView,
  OAuthFlowEnded,
  StartOAuthRequest,
} from '../shared/connections'
import type { RunDetail, RunSummary, Workflow, WorkflowDraft } from '../shared/workflows'
import type { OAuthCallbackLink } from './deep-links/oauth-callback-link'
import type { Logger } from './platform/logger'

/** Headers (and base URL, where the provider has one) that authorize a request. */
export interface RequestCredentials {
  headers: Record<string, string>
  baseUrl: string | null
}

/** Connections: the catalog, OAuth and API-key connects, health, and credentials for steps. */
export interface ConnectionService {
  listCatalog(): CatalogEntryView[]
  list(): Promise<ConnectionView[]>
  startOAuth(request: StartOAuthRequest): Promise<{ flowId: string }>
  cancelOAuth(flowId: string): void
  /** Resolves false (and logs why) when the link's state matches no pending flow. */
  handleOAuthCallback(link: OAuthCallbackLink): Promise<boolean>
  connectApiKey(request: ConnectApiKeyRequest): Promise<ConnectionView>
  check(connectionId: string): Promise<ConnectionView>
  disconnect(connectionId: string): Promise<void>
  /**
   * Credentials for one request of a workflow step. An access token that is expired or about
   * to expire is refreshed first; `afterUnauthorized` forces one refresh after a 401.
   */
  credentialsFor(
    connectionId: string,
    options?: { afterUnauthorized?: boolean },
  ): Promise<RequestCredentials>
  onChanged(listener: (connections: ConnectionView[]) => void): () => void
  onFlowEnded(listener: (event: OAuthFlowEnded) => void): () => void
}

/** Workflows: documents, runs and their history. */
export interface WorkflowService {
  list(): Workflow[]
  save(draft: WorkflowDraft): Workflow
  delete(workflowId: string): void
  /** Starts a run and resolves with its id once the run is journaled, before it finishes. */
  run(workflowId: string): Promise<{ runId: string }>
  listRuns(filter: { workflowId?: string }): RunSummary[]
  getRun(runId: string): RunDetail
  onRunChanged(listener: (run: RunSummary) => void): () => void
  /** Waits for every run in progress to settle; used at quit and by tests. */
  idle(): Promise<void>
}

/** Everything the app does, built once by `createServices`. */
export interface Services {
  connections: ConnectionService
  workflows: WorkflowService
  /**
   * The one entry point for URLs that reach the app from the OS (argv, open-url). Resolves
   * true when a pending flow took the link; a refused link is logged, never thrown.
   */
  handleDeepLink(url: string): Promise<boolean>
  /** Sentences about data recovered at start (files moved aside, runs interrupted). */
  notices(): string[]
  /** The root logger, for the process that hosts the services. */
  logger: Logger
  close(): Promise<void>
}
