import { createRequire } from 'node:module'
import { AllvError } from '../platform/errors'
import { SECRET_SERVICE, type SecretStore } from './secret-store'

/** The part of keytar this store uses, so a test can hand in a stand-in that fails. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

const unavailableMessage =
  'No keychain is reachable, so allv cannot keep secrets and saved nothing. ' +
  'Unlock your keychain, or on Linux install and start a Secret Service such as ' +
  'gnome-keyring (or KWallet), then try again.'

/**
 * A SecretStore over an injected keytar-like module. Every failure of the keychain (no D-Bus
 * session, no Secret Service, a locked collection, a missing native module) becomes
 * `KEYCHAIN_UNAVAILABLE`; there is deliberately no plaintext fallback (DESIGN: Secrets).
 */
export function createKeytarSecretStore(
  loadKeytar: () => KeytarModule,
  service: string = SECRET_SERVICE,
): SecretStore {
  const withKeychain = async <T>(run: (keytar: KeytarModule) => Promise<T>): Promise<T> => {
    try {
      return await run(loadKeytar())
    } catch (error) {
      throw new AllvError('KEYCHAIN_UNAVAILABLE', unavailableMessage, { cause: error })
    }
  }

  return {
    get: (key) => withKeychain((keytar) => keytar.getPassword(service, key)),
    set: (key, value) => withKeychain((keytar) => keytar.setPassword(service, key, value)),
    delete: (key) => withKeychain((keytar) => keytar.deletePassword(service, key)),
  }
}

let cachedKeytar: KeytarModule | undefined

/**
 * Loads the real keytar once, on first use. keytar is CommonJS with a native addon; requiring
 * it through createRequire works the same under Vitest and in the ESM bundle electron-vite
 * emits, and a load failure surfaces as KEYCHAIN_UNAVAILABLE instead of crashing at import.
 */
export function loadSystemKeytar(): KeytarModule {
  cachedKeytar ??= createRequire(import.meta.url)('keytar') as KeytarModule
  return cachedKeytar
}

/** The app's SecretStore: the OS keychain through keytar, filed under SECRET_SERVICE. */
export function createSystemSecretStore(): SecretStore {
  return createKeytarSecretStore(loadSystemKeytar)
}
