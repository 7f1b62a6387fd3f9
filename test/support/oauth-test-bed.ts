import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchChromium } from './browser-sign-in'
import type { BrowserConnect } from './connect-through-browser'
import {
  createConnectionsFixture,
  type ConnectionsFixture,
  type ConnectionsFixtureOptions,
} from './connections-fixture'
import { startOidcServer, type OidcServer, type OidcServerOptions } from './oidc-server'

/** What a test file may change about its bed; everything has a default. */
export interface OAuthTestBedOptions {
  /** How the test provider is set up, once for the whole file. */
  server?: OidcServerOptions
  /** The fixture options of each test, asked for anew before every test. */
  fixture?: () => ConnectionsFixtureOptions
}

/** The parts an OAuth test works with; each getter reads the current test's part. */
export interface OAuthTestBed {
  /** The test provider, shared by every test of the file. */
  readonly oidc: OidcServer
  /** Chromium, shared by every test of the file. */
  readonly browser: Browser
  /** A fresh browser context for each test, playing the system browser. */
  readonly context: BrowserContext
  /** A fresh connections service over its own data folder for each test. */
  readonly fixture: ConnectionsFixture
  /** What connectThroughBrowser needs to sign in with this test's parts, changed by `overrides`. */
  browserConnect(overrides?: Partial<BrowserConnect>): BrowserConnect
}

/**
 * Registers the hooks that give a file one OAuth provider and one Chromium, and each test its
 * own connections fixture and browser context, closed after it. Call it at the top of the
 * file, before the file's own hooks, so those run with the bed already set up.
 */
export function useOAuthTestBed(options: OAuthTestBedOptions = {}): OAuthTestBed {
  let oidc: OidcServer
  let browser: Browser
  let context: BrowserContext
  let fixture: ConnectionsFixture

  beforeAll(async () => {
    oidc = await startOidcServer(options.server)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await oidc?.close()
  })
  beforeEach(async () => {
    fixture = createConnectionsFixture(options.fixture?.())
    context = await browser.newContext()
  })
  afterEach(async () => {
    await context.close()
    await fixture.close()
  })

  return {
    get oidc() {
      return oidc
    },
    get browser() {
      return browser
    },
    get context() {
      return context
    },
    get fixture() {
      return fixture
    },
    browserConnect: (overrides) => ({ fixture, oidc, browser: context, ...overrides }),
  }
}
