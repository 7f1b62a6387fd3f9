import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** What the data folder depends on; passed in so the rule can be tested for every OS. */
export interface DataDirContext {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  homedir: string
  /**
   * The per-user application folder, when the host already knows it (Electron's
   * `app.getPath('appData')`); otherwise it is worked out from `platform`, `env` and `homedir`.
   */
  appData?: string
}

/** The folder name inside the per-user application folder, shared by the app and the CLI. */
export const DATA_DIR_NAME = 'allv'

/**
 * The data folder the app and the command line share (settings, workflows, run history; never
 * secrets). `ALLV_DATA_DIR` overrides it, for tests and for a separate profile.
 */
export function defaultDataDir(context: DataDirContext): string {
  const override = context.env.ALLV_DATA_DIR?.trim()
  if (override) return override
  return pathFor(context.platform).join(context.appData ?? appDataDir(context), DATA_DIR_NAME)
}

/** The per-user application folder, as Electron's `app.getPath('appData')` reports it. */
export function appDataDir({ platform, env, homedir }: DataDirContext): string {
  const path = pathFor(platform)
  if (platform === 'win32') return env.APPDATA || path.join(homedir, 'AppData', 'Roaming')
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support')
  // The XDG Base Directory spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir, '.config')
}

/** The context of the running process. */
export function currentDataDirContext(): DataDirContext {
  return { platform: process.platform, env: process.env, homedir: homedir() }
}

// Windows paths are joined with backslashes even when the rule is tested on Linux.
const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix)
