import { parseArgs } from 'node:util'

/** A command of the `allv` command line, with its arguments. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'run'; workflow: string }
  | { kind: 'runs'; workflow: string | null }

/** What a command line asked for: the command and the options that apply to every command. */
export interface CliInvocation {
  command: CliCommand
  /** Print JSON on standard output instead of text. */
  json: boolean
  /** Send log lines to standard error instead of the log file. */
  verbose: boolean
}

/** A parsed command line, or the sentence that says what was wrong with it. */
export type ParsedArgs = { ok: true; invocation: CliInvocation } | { ok: false; message: string }

const options = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
} as const

const parse = (args: string[]) => parseArgs({ args, options, allowPositionals: true, strict: true })

/** Parses the arguments after `allv` (process.argv without node and the script). */
export function parseCliArgs(args: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse([...args])
  } catch (error) {
    return { ok: false, message: parseErrorMessage(error) }
  }

  const { values, positionals } = parsed
  const flags = { json: values.json === true, verbose: values.verbose === true }
  if (values.help === true) return { ok: true, invocation: { command: { kind: 'help' }, ...flags } }

  const command = commandFrom(positionals)
  return typeof command === 'string'
    ? { ok: false, message: command }
    : { ok: true, invocation: { command, ...flags } }
}

// Returns the command, or a sentence about what is wrong with the positionals.
function commandFrom([name, ...rest]: string[]): CliCommand | string {
  switch (name) {
    case undefined:
      return 'Say what to do: list, run, runs or help.'
    case 'help':
      return { kind: 'help' }
    case 'list':
      return rest.length === 0 ? { kind: 'list' } : `"allv list" takes no arguments.`
    case 'run':
      if (rest.length === 0) return 'Say which workflow to run: allv run "<workflow name or id>".'
      if (rest.length > 1) return `Put a name with spaces in quotes: allv run "${rest.join(' ')}".`
      return { kind: 'run', workflow: rest[0] as string }
    case 'runs':
      if (rest.length > 1) return `Put a name with spaces in quotes: allv runs "${rest.join(' ')}".`
      return { kind: 'runs', workflow: rest[0] ?? null }
    default:
      return `"${name}" is not an allv command; the commands are list, run, runs and help.`
  }
}

// node:util names the bad option in its message; the code says the error is the user's.
function parseErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS') && error instanceof Error) {
    return error.message
  }
  throw error
}
