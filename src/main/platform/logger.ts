export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Structured fields of a log line; never put a token, key, code or verifier in them. */
export type LogFields = Record<string, string | number | boolean | null | undefined>

/** A scoped logger (`[oauth]`, `[engine]`) that writes one structured line per event. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  /** `fields.error`, when given, is logged by name, code and stack, as with `error`. */
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void
  /** `fields.error`, when given, is logged by name, code and stack. */
  error(message: string, fields?: Readonly<Record<string, unknown>>): void
  child(scope: string): Logger
}

/** Where finished log lines go: the console in the app, a file or an array in tests. */
export type LogSink = (line: string) => void

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Creates the root logger; every module takes a child scoped to itself. */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info', scope = 'app'): Logger {
  const write = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (order[level] < order[minLevel]) return
    const { error, ...rest } = fields
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      scope,
      message,
      ...rest,
    }
    if (error instanceof Error) {
      line.errorName = error.name
      line.errorCode = (error as { code?: unknown }).code
      line.stack = stackWithoutMessage(error)
    }
    sink(JSON.stringify(line))
  }

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (childScope) => createLogger(sink, minLevel, childScope),
  }
}

// Only the app's own errors have messages written to be safe to keep. Anything else may quote
// its input (JSON.parse does, and the input may be a token), so its message stays out of the log
// and its stack frames go in.
function stackWithoutMessage(error: Error): string | undefined {
  if (error.name === 'AllvError') return error.stack
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [error.name, ...frames].join('\n')
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger(() => {}, 'error')
