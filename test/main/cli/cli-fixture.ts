import { createServices } from '../../../src/main/compose'
import { runCli } from '../../../src/main/cli/run-cli'
import type { ExitCode } from '../../../src/main/cli/cli-output'
import { AllvError } from '../../../src/main/platform/errors'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import type { Services } from '../../../src/main/services'
import type { WorkflowDraft } from '../../../src/shared/workflows'

/** A keychain in memory; `lock` makes every call fail as an unreachable keychain does. */
export function memorySecrets(): SecretStore & { values: Map<string, string>; lock(): void } {
  const values = new Map<string, string>()
  let locked = false
  const reach = () => {
    if (locked) throw new AllvError('KEYCHAIN_UNAVAILABLE', 'No keychain is reachable (test).')
  }
  return {
    values,
    lock: () => {
      locked = true
    },
    get: async (key) => {
      reach()
      return values.get(key) ?? null
    },
    set: async (key, value) => {
      reach()
      values.set(key, value)
    },
    delete: async (key) => {
      reach()
      return values.delete(key)
    },
  }
}

/** Opens the services on a data folder, does some work through them, and closes them. */
export async function withServices<T>(
  dataDir: string,
  secrets: SecretStore,
  work: (services: Services) => T | Promise<T>,
): Promise<T> {
  const services = await createServices({
    dataDir,
    secrets,
    openExternal: async () => {},
    logSink: () => {},
  })
  try {
    return await work(services)
  } finally {
    await services.close()
  }
}

/** Saves workflows through the services, as the app does, and returns them with their ids. */
export function saveWorkflows(dataDir: string, secrets: SecretStore, drafts: WorkflowDraft[]) {
  return withServices(dataDir, secrets, ({ workflows }) =>
    drafts.map((draft) => workflows.save(draft)),
  )
}

/** What one command line printed and how it ended. */
export interface CliResult {
  code: ExitCode
  stdout: string
  stderr: string
  logLines: string[]
}

/** Runs `allv <args>` in-process against `dataDir`, capturing both streams and the log. */
export async function allv(
  args: string[],
  options: { dataDir: string; secrets: SecretStore; signal?: AbortSignal },
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const logLines: string[] = []
  const code = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { ALLV_DATA_DIR: options.dataDir },
    signal: options.signal,
    adapters: { secrets: options.secrets, logSink: (line) => logLines.push(line) },
  })
  return { code, stdout, stderr, logLines }
}
