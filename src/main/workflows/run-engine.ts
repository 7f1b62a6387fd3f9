import { randomUUID } from 'node:crypto'
import type { RunSummary, Workflow, WorkflowStep } from '../../shared/workflows'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/logger'
import type { RunJournal } from '../storage/run-journal'
import { INTERRUPTED_MESSAGE } from '../storage/run-journal-schema'
import type { ExpressionContext } from './expressions'
import { runHttpRequestStep, type StepConnections, type StepOutcome } from './http-request-step'
import type { RetryPolicy, Sleep } from './network-retry'

/** Everything the engine reaches outside itself, so a test can hand in each piece. */
export interface EngineDependencies {
  journal: RunJournal
  connections: StepConnections
  fetch: typeof fetch
  clock: Clock
  sleep: Sleep
  random: () => number
  retry: RetryPolicy
  requestTimeoutMs: number
  logger: Logger
}

/** Runs workflows in the background, journaling each step before the next one starts. */
export interface RunEngine {
  /** Journals a new run and returns its id at once; the steps run afterwards. */
  start(workflow: Workflow): string
  onRunChanged(listener: (run: RunSummary) => void): () => void
  idle(): Promise<void>
  /** Stops every run in progress (they end as interrupted) and waits for them to settle. */
  stop(): Promise<void>
}

/** Creates the engine; runs share nothing but the journal and the listeners. */
export function createRunEngine(deps: EngineDependencies): RunEngine {
  const { journal, clock, logger } = deps
  const listeners = new Set<(run: RunSummary) => void>()
  const active = new Map<string, { done: Promise<void>; controller: AbortController }>()
  const now = () => new Date(clock.now()).toISOString()

  const announce = (runId: string) => {
    const summary = journal.getRunSummary(runId)
    if (summary === null) return
    for (const listener of listeners) {
      try {
        listener(summary)
      } catch (error) {
        logger.error('run listener failed', { runId, error })
      }
    }
  }

  // The document has a linear `steps` list: branches, loops and error branches are not
  // modelled yet, so a run is the steps in order and stops at the first failure.
  const execute = async (runId: string, workflow: Workflow, signal: AbortSignal) => {
    // Every earlier response stays in memory for the whole run (up to READ_BODY_BYTES each),
    // so a long workflow of large downloads can hold a lot; nothing spills to disk yet.
    const context: ExpressionContext = {
      // No prototype: a step id is a key here, and none may reach Object.prototype.
      steps: Object.create(null) as ExpressionContext['steps'],
      trigger: { type: workflow.trigger.type, firedAt: now() },
    }
    for (const [position, step] of workflow.steps.entries()) {
      journal.startStep(runId, position, now())
      announce(runId)
      const started = clock.now()
      const outcome = await runStep(step, position, runId, context, signal)
      journal.finishStep(runId, position, {
        status: outcome.error === null ? 'succeeded' : 'failed',
        finishedAt: now(),
        attempts: outcome.attempts,
        input: outcome.input,
        output: outcome.output,
        error: outcome.error,
      })
      logger.info('step finished', {
        runId,
        stepId: step.id,
        status: outcome.output?.status ?? null,
        errorCode: outcome.error?.code ?? null,
        ms: clock.now() - started,
      })
      if (outcome.error !== null) {
        const message = `Step "${step.name}" failed: ${outcome.error.message}`
        journal.finishRun(runId, 'failed', now(), { code: outcome.error.code, message })
        return
      }
      if (outcome.data !== null) context.steps[step.id] = outcome.data
      announce(runId)
    }
    journal.finishRun(runId, 'succeeded', now(), null)
  }

  const runStep = (
    step: WorkflowStep,
    position: number,
    runId: string,
    context: ExpressionContext,
    signal: AbortSignal,
  ): Promise<StepOutcome> => {
    // `step.type` has one member today; each new step type gets its own case here.
    return runHttpRequestStep(step, `steps[${position}]`, context, {
      ...deps,
      signal,
      onWaiting: (waiting) => {
        journal.setRunStatus(runId, waiting ? 'waiting' : 'running')
        announce(runId)
      },
      onAttempt: (attempts) => journal.setStepAttempts(runId, position, attempts),
      log: (message, level = 'info') =>
        journal.appendStepLog(runId, position, { at: now(), level, message }),
    })
  }

  const settle = async (runId: string, workflow: Workflow, signal: AbortSignal) => {
    try {
      await execute(runId, workflow, signal)
    } catch (error) {
      endAfterThrow(runId, signal.aborted, error)
    } finally {
      active.delete(runId)
      announce(runId)
    }
  }

  const endAfterThrow = (runId: string, stopped: boolean, error: unknown) => {
    try {
      if (stopped) {
        journal.finishRun(runId, 'interrupted', now(), {
          code: 'RUN_INTERRUPTED',
          message: INTERRUPTED_MESSAGE,
        })
        return
      }
      logger.error('run failed inside the engine', { runId, error })
      journal.finishRun(runId, 'failed', now(), {
        code: 'INTERNAL',
        message: 'Something went wrong inside allv while running this workflow; see the log.',
      })
    } catch (journalError) {
      // The journal itself failed; the next start marks this run interrupted.
      logger.error('could not journal the end of a run', { runId, error: journalError })
    }
  }

  return {
    start: (workflow) => {
      const runId = randomUUID()
      journal.createRun({
        id: runId,
        workflowId: workflow.id,
        workflowName: workflow.name,
        trigger: workflow.trigger.type,
        startedAt: now(),
        steps: workflow.steps.map((step) => ({
          stepId: step.id,
          name: step.name,
          type: step.type,
        })),
      })
      logger.info('run started', { runId, workflowId: workflow.id, steps: workflow.steps.length })
      announce(runId)
      const controller = new AbortController()
      active.set(runId, { controller, done: settle(runId, workflow, controller.signal) })
      return runId
    },
    onRunChanged: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    idle: async () => {
      while (active.size > 0) await Promise.all([...active.values()].map((run) => run.done))
    },
    stop: async () => {
      for (const run of active.values()) run.controller.abort()
      while (active.size > 0) await Promise.all([...active.values()].map((run) => run.done))
    },
  }
}
