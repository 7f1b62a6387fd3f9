import type { RunDetail, StepRunView } from '../../shared/workflows'
import type { WorkflowService } from '../services'
import { elapsedMs, ExitCode, formatDuration, printable, type CliOutput } from './cli-output'
import { findWorkflow } from './find-workflow'

/** What `allv run` needs: the workflow service, and a way to stop runs in progress. */
export interface RunCommandContext {
  workflows: Pick<WorkflowService, 'list' | 'run' | 'getRun' | 'onRunChanged' | 'idle'>
  /** Stops runs in progress, journaling them as interrupted; called when `signal` aborts. */
  stop(): Promise<void>
  /** Aborts on Ctrl-C (or a test's wish); the run then ends as interrupted. */
  signal?: AbortSignal
}

const KEYCHAIN_HINT =
  'Over SSH or in a shell without a desktop session the keychain is often locked or missing; ' +
  'run from a desktop session, or start one with dbus-run-session and unlock your keyring.'

/**
 * `allv run <workflow>`: starts a run, prints each step as it finishes and then the run's end.
 * With `json`, prints only the finished run (a RunDetail) on standard output.
 */
export async function runWorkflow(
  context: RunCommandContext,
  options: { workflow: string; json: boolean },
  output: CliOutput,
): Promise<ExitCode> {
  const { workflows } = context
  const found = findWorkflow(workflows.list(), options.workflow)
  if (!found.ok) {
    output.stderr(`${found.message}\n`)
    return ExitCode.usage
  }
  const { workflow } = found
  if (!options.json) {
    const steps = workflow.steps.length === 1 ? '1 step' : `${workflow.steps.length} steps`
    output.stdout(`Running "${printable(workflow.name)}" (${steps})\n`)
  }

  const nameWidth = Math.max(0, ...workflow.steps.map((step) => printable(step.name).length))
  const printed = new Set<string>()
  let runId: string | null = null
  let latest: RunDetail | null = null
  let waiting = false

  // Reads the run again and prints what is new; the journal is the one source of truth.
  const refresh = () => {
    if (runId === null) return
    latest = workflows.getRun(runId)
    if (latest.status === 'waiting' && !waiting) {
      output.stderr('No network: the run waits and goes on when it is back (Ctrl-C stops it).\n')
    }
    waiting = latest.status === 'waiting'
    if (options.json) return
    for (const step of latest.steps) {
      if (printed.has(step.stepId) || !isFinished(step)) continue
      printed.add(step.stepId)
      output.stdout(stepLines(step, nameWidth))
    }
  }

  const unsubscribe = workflows.onRunChanged((run) => {
    if (run.id === runId) refresh()
  })
  try {
    runId = (await workflows.run(workflow.id)).runId
    refresh()
    const stopped = await Promise.race([workflows.idle().then(() => false), aborted(context)])
    // Stopping announces the interrupted run, so `refresh` still sees its last state.
    if (stopped) await context.stop()
    else refresh()
  } finally {
    unsubscribe()
  }

  const run = latest as RunDetail | null
  if (run === null) throw new Error('The run ended without being read from the journal.')
  if (options.json) output.stdout(`${JSON.stringify(run, null, 2)}\n`)
  else output.stdout(endLines(run))
  if (usesLockedKeychain(run)) output.stderr(`${KEYCHAIN_HINT}\n`)
  return run.status === 'succeeded' ? ExitCode.ok : ExitCode.failed
}

const isFinished = (step: StepRunView) => step.status === 'succeeded' || step.status === 'failed'

function aborted({ signal }: RunCommandContext): Promise<true> {
  if (signal === undefined) return new Promise(() => {})
  if (signal.aborted) return Promise.resolve(true)
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(true)))
}

function stepLines(step: StepRunView, nameWidth: number): string {
  const http = step.output === null ? '-' : `HTTP ${step.output.status}`
  const ms = elapsedMs(step.startedAt, step.finishedAt)
  const took = ms === null ? '' : formatDuration(ms)
  const name = printable(step.name).padEnd(nameWidth)
  const line = `  ${step.status.padEnd(9)}  ${name}  ${http.padEnd(8)}  ${took}`.trimEnd()
  const error = step.error === null ? '' : `\n  ${' '.repeat(9)}  ${printable(step.error.message)}`
  return `${line}${error}\n`
}

function endLines(run: RunDetail): string {
  const skipped = run.steps.filter((step) => step.status === 'skipped')
  const skippedLine =
    skipped.length === 0
      ? ''
      : `  skipped    ${skipped.map((step) => printable(step.name)).join(', ')}\n`
  const ms = elapsedMs(run.startedAt, run.finishedAt)
  const took = ms === null ? '' : ` in ${formatDuration(ms)}`
  // A failed step already printed the error under its own line.
  const told = run.steps.some((step) => step.error !== null)
  const reason = run.error === null || told ? '' : `: ${printable(run.error.message)}`
  return `${skippedLine}Run ${run.status}${took}${reason}\nRun id: ${run.id}\n`
}

const usesLockedKeychain = (run: RunDetail) =>
  run.steps.some((step) => step.error?.code === 'KEYCHAIN_UNAVAILABLE')
