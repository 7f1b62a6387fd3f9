import type { Clock } from '../platform/clock'
import { systemClock } from '../platform/clock'
import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import type { StoreRecovery } from '../storage/corrupt-file'
import type { KeyValueStore } from '../storage/key-value-store'
import type { RunJournal } from '../storage/run-journal'
import type { WorkflowService } from '../services'
import type { StepConnections } from './http-request-step'
import { DEFAULT_RETRY_POLICY, timerSleep, type RetryPolicy, type Sleep } from './network-retry'
import { createRunEngine } from './run-engine'
import {
  createWorkflowStore,
  type UnreadableWorkflow,
  type WorkflowsDocument,
} from './workflow-store'

/** What `createWorkflowService` needs; everything after `logger` has a production default. */
export interface WorkflowServiceOptions {
  store: KeyValueStore<WorkflowsDocument> & { readonly recovery?: StoreRecovery | null }
  journal: RunJournal
  connections: StepConnections
  logger: Logger
  fetch?: typeof fetch
  clock?: Clock
  sleep?: Sleep
  random?: () => number
  retry?: Partial<RetryPolicy>
  requestTimeoutMs?: number
}

/** The workflow service plus what its owner needs at start and at quit. */
export interface ManagedWorkflowService extends WorkflowService {
  /** Sentences about data the service had to recover at start, for the UI to show once. */
  notices(): string[]
  /** Stops runs in progress (they are journaled as interrupted) and closes the journal. */
  close(): Promise<void>
}

/** Builds the workflow service over a workflows store and a run journal. */
export function createWorkflowService(options: WorkflowServiceOptions): ManagedWorkflowService {
  const { store, journal } = options
  const clock = options.clock ?? systemClock
  const logger = options.logger.child('engine')
  const workflows = createWorkflowStore(store, clock)
  const unreadableAtStart = workflows.unreadable()
  if (unreadableAtStart.length > 0) {
    logger.warn('workflows in workflows.json could not be read; left in the file as they are', {
      count: unreadableAtStart.length,
      reasons: unreadableAtStart.map((entry) => entry.reason).join('; '),
    })
  }
  const engine = createRunEngine({
    journal,
    connections: options.connections,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    sleep: options.sleep ?? timerSleep,
    random: options.random ?? Math.random,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    logger,
  })
  let closed = false

  return {
    list: () => workflows.list(),
    save: (draft) => workflows.save(draft),
    delete: (workflowId) => workflows.delete(workflowId),
    run: async (workflowId) => {
      if (closed) throw new AllvError('INTERNAL', 'The app is shutting down; runs cannot start.')
      const workflow = workflows.get(workflowId)
      if (workflow === null) {
        throw new AllvError('NOT_FOUND', `No workflow has the id "${workflowId}".`)
      }
      return { runId: engine.start(workflow) }
    },
    listRuns: (filter) => journal.listRuns(filter),
    getRun: (runId) => {
      const run = journal.getRun(runId)
      if (run === null) throw new AllvError('NOT_FOUND', `No run has the id "${runId}".`)
      return run
    },
    onRunChanged: (listener) => engine.onRunChanged(listener),
    idle: () => engine.idle(),
    notices: () => {
      const notices = [store.recovery?.message, journal.recovery?.message]
      const unreadable = workflows.unreadable()
      if (unreadable.length > 0) notices.push(unreadableNotice(unreadable))
      if (journal.interruptedOnOpen > 0) {
        notices.push(
          `${journal.interruptedOnOpen} run(s) were in progress when the app last stopped; ` +
            'they are marked interrupted in the run history.',
        )
      }
      return notices.filter((notice): notice is string => notice !== undefined)
    },
    close: async () => {
      if (closed) return
      closed = true
      await engine.stop()
      journal.close()
    },
  }
}

function unreadableNotice(unreadable: UnreadableWorkflow[]): string {
  const reasons = unreadable.map((entry) => entry.reason).join('; ')
  return unreadable.length === 1
    ? `1 workflow in workflows.json could not be read and was left as it is: ${reasons}`
    : `${unreadable.length} workflows in workflows.json could not be read and were left as ` +
        `they are: ${reasons}`
}
