/** The text of `allv help`, naming the data folder this process would use. */
export function helpText(dataDir: string): string {
  return `allv runs the workflows you built in the allv app, from a terminal.

Usage:
  allv list                 the saved workflows: id, name and number of steps
  allv run <workflow>       runs a workflow (its id or exact name) and follows it to the end
  allv runs [<workflow>]    recent runs, of every workflow or of one
  allv help                 this text

Options:
  --json           print JSON on standard output instead of text
  -v, --verbose    write log lines to standard error instead of the log file
  -h, --help       this text

Exit status: 0 when the command (or the run) succeeded, 1 when a run failed or was
interrupted or allv could not do its work, 2 when the command line was wrong.

Data folder: ${dataDir}
  (shared with the app; set ALLV_DATA_DIR to use another folder)
Connecting accounts happens in the allv app; runs here use the connections made there, with
their secrets read from the system keychain.
`
}
