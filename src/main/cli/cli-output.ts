/** Writes text to one of the process's streams; injected so tests capture it. */
export type Write = (text: string) => void

/** Where a command writes: results on stdout, progress notes and problems on stderr. */
export interface CliOutput {
  stdout: Write
  stderr: Write
}

/** Exit statuses of `allv`, as `allv help` states them. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const

/** One of the exit statuses in `ExitCode`. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

// C0 and C1 control characters, including ESC, which starts terminal escape sequences.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * Text from a workflow file or a server made safe for a terminal: a name or a status text
 * carrying escape sequences could otherwise rewrite the screen or the window title.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD')
}

/** Lines of a table whose columns are padded to their widest cell; the last is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)))
  }
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  )
}

/** A duration as a person reads it: "45 ms", "2.5 s", "3 min 12 s". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`
  const seconds = Math.round(ms / 1_000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

/** The milliseconds between two ISO times, or null when either is missing. */
export function elapsedMs(startedAt: string | null, finishedAt: string | null): number | null {
  if (startedAt === null || finishedAt === null) return null
  return Date.parse(finishedAt) - Date.parse(startedAt)
}

/** An ISO time in the local time zone, to the second: "2025-06-01 14:03:09". */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const two = (value: number) => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}
