import { join } from 'node:path'
import { createServices, type PlatformAdapters } from '../compose'
import { currentDataDirContext, defaultDataDir } from '../platform/data-dir'
import { isAllvError } from '../platform/errors'
import type { Services } from '../services'
import { CLI_LOG_FILE, createCliAdapters } from './cli-adapters'
import { ExitCode, printable, type CliOutput } from './cli-output'
import { helpText } from './help-text'
import { listRuns, listWorkflows } from './list-commands'
import { parseCliArgs, type CliInvocation } from './parse-args'
import { runWorkflow } from './run-command'

/** What the command line gets from its process; tests hand in their own. */
export interface CliHost extends CliOutput {
  env: Readonly<Record<string, string | undefined>>
  /** Aborts on Ctrl-C: a run in progress then ends as interrupted. */
  signal?: AbortSignal
  /** Replaces some of the command line's adapters; tests hand in an in-memory keychain. */
  adapters?: Partial<PlatformAdapters>
}

/** Runs one `allv` command line to its end and resolves with the exit status. */
export async function runCli(args: readonly string[], host: CliHost): Promise<ExitCode> {
  const parsed = parseCliArgs(args)
  if (!parsed.ok) {
    host.stderr(`${parsed.message}\nRun "allv help" to see the commands.\n`)
    return ExitCode.usage
  }
  const dataDir = defaultDataDir({ ...currentDataDirContext(), env: host.env })
  const { invocation } = parsed
  if (invocation.command.kind === 'help') {
    host.stdout(helpText(dataDir))
    return ExitCode.ok
  }

  let services: Services | undefined
  try {
    services = await createServices({
      ...createCliAdapters({ dataDir, verbose: invocation.verbose, stderr: host.stderr }),
      ...host.adapters,
    })
    for (const notice of services.notices()) host.stderr(`${printable(notice)}\n`)
    return await dispatch(invocation, services, host)
  } catch (error) {
    services?.logger.error('command failed', { command: invocation.command.kind, error })
    host.stderr(`${failureMessage(error, dataDir, invocation.verbose)}\n`)
    return ExitCode.failed
  } finally {
    await services?.close()
  }
}

function dispatch(
  { command, json }: CliInvocation,
  services: Services,
  host: CliHost,
): ExitCode | Promise<ExitCode> {
  const { workflows } = services
  switch (command.kind) {
    case 'list':
      return listWorkflows(workflows, { json }, host)
    case 'runs':
      return listRuns(workflows, { json, workflow: command.workflow }, host)
    case 'run': {
      const context = { workflows, stop: () => services.close(), signal: host.signal }
      return runWorkflow(context, { workflow: command.workflow, json }, host)
    }
    case 'help':
      return ExitCode.ok
  }
}

// An AllvError's message is written for the person; anything else is a bug, logged with its
// stack, and the person is told where the log is.
function failureMessage(error: unknown, dataDir: string, verbose: boolean): string {
  if (isAllvError(error)) return printable(error.message)
  const where = verbose ? 'the log lines above' : join(dataDir, CLI_LOG_FILE)
  const detail = error instanceof Error ? `: ${printable(error.message)}` : ''
  return `allv could not finish the command${detail}. Details are in ${where}.`
}
