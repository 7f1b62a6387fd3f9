import type { WorkflowService } from '../services'
import { ExitCode, formatLocalTime, formatTable, printable, type CliOutput } from './cli-output'
import { findWorkflow } from './find-workflow'

/** `allv list`: the saved workflows with their ids, names and step counts. */
export function listWorkflows(
  workflows: Pick<WorkflowService, 'list'>,
  options: { json: boolean },
  output: CliOutput,
): ExitCode {
  const saved = workflows.list()
  if (options.json) {
    const rows = saved.map(({ id, name, steps }) => ({ id, name, steps: steps.length }))
    output.stdout(`${JSON.stringify(rows, null, 2)}\n`)
    return ExitCode.ok
  }
  if (saved.length === 0) {
    output.stdout('No saved workflows yet; build one in the allv app.\n')
    return ExitCode.ok
  }

  const rows = saved.map(({ id, name, steps }) => [id, printable(name), String(steps.length)])
  output.stdout(`${formatTable([['ID', 'NAME', 'STEPS'], ...rows]).join('\n')}\n`)
  return ExitCode.ok
}

/** `allv runs [<workflow>]`: recent runs, newest first, with their status and start time. */
export function listRuns(
  workflows: Pick<WorkflowService, 'list' | 'listRuns'>,
  options: { json: boolean; workflow: string | null },
  output: CliOutput,
): ExitCode {
  let workflowId: string | undefined
  if (options.workflow !== null) {
    const found = findWorkflow(workflows.list(), options.workflow)
    if (!found.ok) {
      output.stderr(`${found.message}\n`)
      return ExitCode.usage
    }
    workflowId = found.workflow.id
  }

  const runs = workflows.listRuns(workflowId === undefined ? {} : { workflowId })
  if (options.json) {
    output.stdout(`${JSON.stringify(runs, null, 2)}\n`)
    return ExitCode.ok
  }
  if (runs.length === 0) {
    output.stdout('No runs yet.\n')
    return ExitCode.ok
  }

  const rows = runs.map((run) => [
    formatLocalTime(run.startedAt),
    run.status,
    printable(run.workflowName),
    run.id,
  ])
  output.stdout(`${formatTable([['STARTED', 'STATUS', 'WORKFLOW', 'RUN'], ...rows]).join('\n')}\n`)
  return ExitCode.ok
}
