import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createServices } from '../../src/main/compose'
import { createSystemSecretStore } from '../../src/main/secrets/keytar-secret-store'
import type { Services } from '../../src/main/services'
import { startHarness, type Harness } from '../harness/harness-server'

const rendererDir = join(import.meta.dirname, '../../out/renderer')

/** A clock that reads real time plus a skew a test can move forward, e.g. past a token's expiry. */
export interface MovableClock {
  now(): number
  advance(ms: number): void
}

/**
 * The app as a person meets it: the built renderer in one browser context (the app window),
 * the services behind it on real parts, and a second context standing in for the system
 * browser, where OAuth authorize URLs open.
 */
export interface AppSession {
  services: Services
  harness: Harness
  window: Page
  clock: MovableClock
  dataDir: string
  logLines: string[]
  /** Resolves with the next page the app opened in the "system browser", and its URL. */
  nextExternalPage(): Promise<{ page: Page; url: string }>
  /** Quits and starts the app again on the same data folder and keychain. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Starts the app's services, the harness and an app window on a fresh data folder. */
export async function startAppSession(browser: Browser): Promise<AppSession> {
  const dataDir = mkdtempSync(join(tmpdir(), 'allv-e2e-'))
  const logLines: string[] = []
  let skew = 0
  const clock: MovableClock = { now: () => Date.now() + skew, advance: (ms) => (skew += ms) }
  const systemBrowser: BrowserContext = await browser.newContext()
  const opened: { page: Page; url: string }[] = []
  const waiting: ((value: { page: Page; url: string }) => void)[] = []

  const openExternal = async (url: string) => {
    const external = { page: await systemBrowser.newPage(), url }
    const waiter = waiting.shift()
    if (waiter) waiter(external)
    else opened.push(external)
  }

  const boot = async () => {
    const services = await createServices({
      dataDir,
      openExternal,
      secrets: createSystemSecretStore(),
      logSink: (line) => logLines.push(line),
      clock,
    })
    const harness = await startHarness(services, rendererDir)
    const window = await browser.newPage()
    await window.goto(harness.url)
    return { services, harness, window }
  }

  const shutDown = async (current: Awaited<ReturnType<typeof boot>>) => {
    await current.window.close()
    await current.harness.close()
    await current.services.close()
  }

  let current = await boot()
  return {
    get services() {
      return current.services
    },
    get harness() {
      return current.harness
    },
    get window() {
      return current.window
    },
    clock,
    dataDir,
    logLines,
    nextExternalPage: () =>
      new Promise((resolve) => {
        const ready = opened.shift()
        if (ready) resolve(ready)
        else waiting.push(resolve)
      }),
    async restart() {
      await shutDown(current)
      current = await boot()
    },
    async close() {
      await shutDown(current)
      await systemBrowser.close()
    },
  }
}

/** The text of every file under a folder, for canary checks. */
export function allFileText(folder: string): string {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n')
}
