import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Locator } from 'playwright-core'
import { launchChromium, signInAndCaptureRedirect } from '../support/browser-sign-in'
import { keychainAccounts, keychainLookup } from '../support/keychain'
import { ada, startOidcServer, type OidcServer } from '../support/oidc-server'
import { allFileText, startAppSession, type AppSession } from './app-session'

// One journey through the app, in the order a person takes it; each test builds on the last.
describe('allv, end to end on real parts', () => {
  let oidc: OidcServer
  let browser: Browser
  let app: AppSession
  const sentToRenderer: string[] = []
  const secretsSeen: string[] = []
  const shots = process.env.ALLV_SCREENSHOT_DIR

  const tile = (name: string): Locator => app.window.getByRole('article', { name, exact: true })
  const status = (name: string) => tile(name).getByTestId('connection-status')
  const dialog = () => app.window.getByRole('dialog')
  const connections = () => app.services.connections.list()
  const screenshot = async (name: string) => {
    if (shots) await app.window.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  }

  beforeAll(async () => {
    if (shots) mkdirSync(shots, { recursive: true })
    oidc = await startOidcServer()
    browser = await launchChromium()
    app = await startAppSession(browser)
    await app.window.setViewportSize({ width: 1280, height: 860 })
  })

  afterAll(async () => {
    if (app) {
      for (const connection of await connections()) {
        await app.services.connections.disconnect(connection.id)
      }
      await app.close()
    }
    await browser?.close()
    await oidc?.close()
  })

  test('shows one tile per catalog entry, none connected', async () => {
    const catalog = app.services.connections.listCatalog()
    await expect.poll(() => app.window.getByRole('article').count()).toBe(catalog.length)
    for (const entry of catalog) {
      await expect.poll(() => status(entry.name).textContent()).toBe('Not connected')
    }
  })

  test('refuses an unreachable issuer with a clear message and saves nothing', async () => {
    await tile('OAuth 2.0 / OpenID Connect').getByRole('button', { name: 'Connect' }).click()
    await dialog().getByLabel('Issuer URL').fill('http://127.0.0.1:9/')
    await dialog().getByLabel('Client ID').fill(oidc.clientId)
    await dialog().getByRole('button', { name: 'Connect' }).click()

    const alert = dialog().getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('http://127.0.0.1:9')
    expect(await connections()).toEqual([])
    await dialog().getByRole('button', { name: 'Cancel' }).click()
  })

  test('connects through OAuth in the system browser and names the account', async () => {
    await tile('OAuth 2.0 / OpenID Connect').getByRole('button', { name: 'Connect' }).click()
    await dialog().getByLabel('Issuer URL').fill(oidc.issuer)
    await dialog().getByLabel('Client ID').fill(oidc.clientId)
    await dialog().getByLabel('Label').fill('Test SSO')
    await dialog().getByRole('button', { name: 'Connect' }).click()

    const { page, url } = await app.nextExternalPage()
    const authorize = new URL(url)
    expect(authorize.origin).toBe(new URL(oidc.issuer).origin)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('redirect_uri')).toBe('com.allv.desktop:/oauth/oauth2')
    await expect
      .poll(() => status('OAuth 2.0 / OpenID Connect').textContent())
      .toContain('Connecting')

    const redirect = await signInAndCaptureRedirect(page, url, { user: ada })
    expect(await app.services.handleDeepLink(redirect)).toBe(true)

    await expect.poll(() => status('Test SSO').textContent()).toBe('Connected')
    await expect.poll(() => tile('Test SSO').textContent()).toContain(ada.email)
    await screenshot('connections')
    const [connected] = await connections()
    const firstTokens = JSON.parse(keychainLookup(`connection:${connected?.id}:tokens`) ?? '{}')
    secretsSeen.push(firstTokens.accessToken, firstTokens.refreshToken)

    // The same callback a second time, and one with a forged state, change nothing.
    const before = await connections()
    const refusals = () => app.logLines.filter((line) => line.includes('matches no pending flow'))
    expect(await app.services.handleDeepLink(redirect)).toBe(false)
    const forged = new URL(redirect)
    forged.searchParams.set('state', 'forged-state')
    expect(await app.services.handleDeepLink(forged.href)).toBe(false)
    expect(refusals()).toHaveLength(2)
    expect(await connections()).toEqual(before)
  })

  test('denying at the provider leaves the connections as they were, with a message', async () => {
    const before = await connections()
    await tile('OAuth 2.0 / OpenID Connect').getByRole('button', { name: 'Connect' }).click()
    await dialog().getByLabel('Issuer URL').fill(oidc.issuer)
    await dialog().getByLabel('Client ID').fill(oidc.clientId)
    await dialog().getByRole('button', { name: 'Connect' }).click()

    const { page, url } = await app.nextExternalPage()
    const redirect = await signInAndCaptureRedirect(page, url, { user: ada, decision: 'deny' })
    expect(new URL(redirect).searchParams.get('error')).toBe('access_denied')
    await app.services.handleDeepLink(redirect)

    const message = tile('OAuth 2.0 / OpenID Connect').getByRole('status')
    await expect.poll(() => message.textContent()).toContain('did not grant access')
    expect(await connections()).toEqual(before)
    expect(await status('Test SSO').textContent()).toBe('Connected')
  })

  test('cancelling while the browser waits restores the tile and refuses the late redirect', async () => {
    const before = await connections()
    const generic = tile('OAuth 2.0 / OpenID Connect')
    await generic.getByRole('button', { name: 'Connect' }).click()
    await dialog().getByLabel('Issuer URL').fill(oidc.issuer)
    await dialog().getByLabel('Client ID').fill(oidc.clientId)
    await dialog().getByRole('button', { name: 'Connect' }).click()
    const { page, url } = await app.nextExternalPage()
    await expect
      .poll(() => status('OAuth 2.0 / OpenID Connect').textContent())
      .toContain('Connecting')

    await generic.getByRole('button', { name: 'Cancel' }).click()

    await expect.poll(() => generic.getByRole('status').textContent()).toContain('cancelled')
    expect(await status('OAuth 2.0 / OpenID Connect').textContent()).toBe('1 connected')
    const late = await signInAndCaptureRedirect(page, url, { user: ada })
    expect(await app.services.handleDeepLink(late)).toBe(false)
    expect(await connections()).toEqual(before)
  })

  test('tests an API key before saving it, and shows it masked', async () => {
    const server = oidc.apiKeyServer
    await tile('API key').getByRole('button', { name: 'Connect' }).click()
    await dialog().getByLabel('Label').fill('Team API')
    await dialog().getByLabel('API key').fill('not-the-key')
    await dialog().getByLabel('Header name').fill(server.headerName)
    await dialog().getByLabel('Prefix').fill(server.prefix)
    await dialog().getByLabel('Base URL').fill(server.baseUrl)
    await dialog().getByLabel('Test URL').fill(server.url)
    await dialog().getByRole('button', { name: 'Connect' }).click()

    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('401')
    expect((await connections()).filter((c) => c.providerId === 'apikey')).toEqual([])

    await dialog().getByLabel('API key').fill(server.key)
    await dialog().getByRole('button', { name: 'Connect' }).click()
    await expect.poll(() => status('Team API').textContent()).toBe('Connected')
    await expect.poll(() => tile('Team API').textContent()).toContain(`••••${server.key.slice(-4)}`)

    const saved = (await connections()).find((c) => c.label === 'Team API')
    expect(keychainLookup(`connection:${saved?.id}:apiKey`)).toBe(server.key)
  })

  test('refuses a workflow step with an invalid URL, naming the field', async () => {
    await app.window.getByRole('button', { name: 'Workflows' }).click()
    await app.window.getByRole('button', { name: 'New workflow' }).first().click()
    await app.window.getByLabel('Workflow name').fill('Who am I')
    await app.window.getByRole('button', { name: 'Add HTTP request step' }).click()
    await app.window.getByLabel('Step name').fill('Fetch profile')
    await app.window.getByLabel('Connection').selectOption({ label: 'Test SSO' })
    await app.window.getByLabel('Method').selectOption('GET')
    await app.window.getByLabel('URL', { exact: true }).fill('ht!tp:/nope')
    await app.window.getByRole('button', { name: 'Save' }).click()

    const alert = app.window.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('steps[0].params.url')
    expect(app.services.workflows.list()).toEqual([])
  })

  test('runs the workflow, refreshing the expired token once before the call', async () => {
    await app.window.getByLabel('URL', { exact: true }).fill(oidc.resourceUrl)
    await app.window.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => app.services.workflows.list().length).toBe(1)

    app.clock.advance(2 * 60 * 60 * 1000)
    const tokenCallsBefore = oidc.hits('/token')
    await app.window.getByRole('button', { name: 'Run', exact: true }).click()

    await expect
      .poll(() => app.window.getByTestId('run-status').first().textContent(), {
        timeout: 15_000,
      })
      .toBe('Succeeded')
    await expect
      .poll(() => app.window.getByTestId('response-status').textContent())
      .toContain('200')
    await expect.poll(() => app.window.getByLabel('Body (JSON)').textContent()).toContain(ada.email)
    expect(oidc.hits('/token') - tokenCallsBefore).toBe(1)
    await screenshot('run')
  })

  test('disconnecting deletes the key from the keychain', async () => {
    const saved = (await connections()).find((c) => c.label === 'Team API')
    await app.window.getByRole('button', { name: 'Connections' }).click()
    await tile('Team API').getByRole('button', { name: 'Disconnect' }).click()
    await dialog().getByRole('button', { name: 'Disconnect' }).click()

    await expect.poll(() => tile('Team API').count()).toBe(0)
    expect(keychainLookup(`connection:${saved?.id}:apiKey`)).toBeNull()
    expect(await status('API key').textContent()).toBe('Not connected')
  })

  test('keeps connections, workflows and runs across a restart', async () => {
    sentToRenderer.push(...app.harness.sentToRenderer)
    await app.restart()

    await expect.poll(() => status('Test SSO').textContent()).toBe('Connected')
    await app.window.getByRole('button', { name: 'Workflows' }).click()
    await app.window.getByRole('button', { name: /Who am I/ }).click()
    await app.window.getByRole('tab', { name: /Runs/ }).click()
    await expect
      .poll(() => app.window.getByTestId('run-status').first().textContent())
      .toBe('Succeeded')
  })

  test('keeps tokens and keys in the keychain and nowhere else', async () => {
    sentToRenderer.push(...app.harness.sentToRenderer)
    const [connection] = await connections()
    const account = `connection:${connection?.id}:tokens`
    expect(keychainAccounts()).toContain(account)
    const tokens = JSON.parse(keychainLookup(account) ?? '{}') as Record<string, unknown>
    const secrets = [tokens.accessToken, tokens.refreshToken, oidc.apiKeyServer.key, ...secretsSeen]
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length > 8)).toBe(true)

    const files = allFileText(app.dataDir)
    const logs = app.logLines.join('\n')
    const renderer = sentToRenderer.join('\n')
    expect(logs.length).toBeGreaterThan(0)
    expect(renderer).toContain('Test SSO')
    for (const secret of secrets as string[]) {
      expect(files).not.toContain(secret)
      expect(logs).not.toContain(secret)
      expect(renderer).not.toContain(secret)
    }
  })
})
