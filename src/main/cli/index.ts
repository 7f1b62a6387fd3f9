#!/usr/bin/env node
// The `allv` command line: the app's services without a window, for terminals and scripts.

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text)

async function main(): Promise<number> {
  const stopOnInterrupt = new AbortController()
  // Listeners that stay: conf's exit hooks re-raise the signal after their cleanup, and
  // without a listener of ours that second signal would kill the process before the run is
  // journaled as interrupted. So a second Ctrl-C cannot force an exit; stopping is prompt.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopOnInterrupt.signal.aborted) return
      process.stderr.write('Stopping the run...\n')
      stopOnInterrupt.abort()
    })
  }
  try {
    // Imported here, not at the top, so that a native module built for Electron is reported
    // in words instead of as a stack trace from the module loader.
    const { runCli } = await import('./run-cli')
    return await runCli(process.argv.slice(2), {
      stdout: write(process.stdout),
      stderr: write(process.stderr),
      env: process.env,
      signal: stopOnInterrupt.signal,
    })
  } catch (error) {
    const builtForElectron = (error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED'
    process.stderr.write(
      builtForElectron
        ? "allv's native modules were built for Electron (npm start does that), so plain Node " +
            'cannot load them. Run "npm rebuild better-sqlite3 keytar", then try again.\n'
        : `allv failed to start: ${String(error)}\n`,
    )
    return 1
  }
}

void main().then((code) => {
  process.exitCode = code
})
