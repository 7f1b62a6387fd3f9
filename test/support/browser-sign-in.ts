import { chromium, type Browser, type Page } from 'playwright-core'
import type { TestUser } from './oidc-interactions'

/** Debian's Chromium, headless, with nothing that phones home. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** What the person does at the provider's pages. */
export interface SignInOptions {
  user: TestUser
  /** `deny` presses Cancel or Deny, which ends the flow with `access_denied`. */
  decision?: 'allow' | 'deny'
  /** The start of the redirect URI to catch; the app's private-use scheme by default. */
  redirectPrefix?: string
}

const isAborted = (error: unknown) => error instanceof Error && /ERR_ABORTED/.test(error.message)

/**
 * Opens an authorize URL, clicks through the test provider's login and consent pages as a
 * person would, and resolves with the redirect URL the browser was sent to. Chromium reports
 * the `com.allv.desktop:/…` request, then aborts that navigation, which is expected.
 */
export async function signInAndCaptureRedirect(
  page: Page,
  authorizeUrl: string,
  options: SignInOptions,
): Promise<string> {
  const prefix = options.redirectPrefix ?? 'com.allv.desktop:'
  const redirect = new Promise<string>((resolve) => {
    page.on('request', (request) => {
      if (request.url().startsWith(prefix)) resolve(request.url())
    })
  })
  const allow = (options.decision ?? 'allow') === 'allow'

  await page.goto(authorizeUrl).catch((error: unknown) => {
    if (!isAborted(error)) throw error
  })

  for (;;) {
    const shown = page.locator('[data-interaction]')
    const next = await Promise.race([
      redirect.then((url) => ({ url })),
      shown.waitFor({ state: 'attached' }).then(async () => ({
        kind: await shown.getAttribute('data-interaction'),
        render: await shown.getAttribute('data-render'),
      })),
    ])
    if ('url' in next) return next.url

    if (next.kind === 'login' && allow) {
      await page.getByLabel('Username').fill(options.user.login)
      await page.getByLabel('Password').fill(options.user.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
    } else {
      const button = next.kind === 'login' ? 'Cancel' : allow ? 'Allow' : 'Deny'
      await page.getByRole('button', { name: button }).click()
    }

    // Wait for this page to go away, or for the redirect that ends the flow.
    const gone = page.locator(`[data-render="${next.render}"]`)
    const url = await Promise.race([redirect, gone.waitFor({ state: 'detached' }).then(() => null)])
    if (url) return url
  }
}
