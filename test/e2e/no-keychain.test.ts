import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser-sign-in'
import { startOidcServer, type OidcServer } from '../support/oidc-server'
import { allFileText, startAppSession, type AppSession } from './app-session'

// Each test file runs in a process of its own, so only this file loses the keychain: the
// Secret Service is reached over the session bus, and this address leads nowhere.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/allv-e2e-bus'

describe('allv without a reachable keychain', () => {
  let oidc: OidcServer
  let browser: Browser
  let app: AppSession

  beforeAll(async () => {
    oidc = await startOidcServer()
    browser = await launchChromium()
    app = await startAppSession(browser)
  })

  afterAll(async () => {
    await app?.close()
    await browser?.close()
    await oidc?.close()
  })

  test('says so plainly when a key is connected, and stores nothing anywhere', async () => {
    const server = oidc.apiKeyServer
    const dialog = app.window.getByRole('dialog')
    await app.window
      .getByRole('article', { name: 'API key', exact: true })
      .getByRole('button', { name: 'Connect' })
      .click()
    await dialog.getByLabel('API key').fill(server.key)
    await dialog.getByLabel('Header name').fill(server.headerName)
    await dialog.getByLabel('Prefix').fill(server.prefix)
    await dialog.getByLabel('Base URL').fill(server.baseUrl)
    await dialog.getByLabel('Test URL').fill(server.url)
    await dialog.getByRole('button', { name: 'Connect' }).click()

    const banner = app.window.getByRole('alert').filter({ hasText: 'keychain is not available' })
    await expect.poll(() => banner.count()).toBeGreaterThan(0)
    expect(await app.services.connections.list()).toEqual([])
    expect(allFileText(app.dataDir)).not.toContain(server.key)
    expect(app.logLines.join('\n')).not.toContain(server.key)
  })
})
