/**
 * The keychain port. Every secret of the app (tokens, API keys, client secrets) goes through
 * it and nowhere else; an implementation that cannot reach a keychain throws
 * `AllvError('KEYCHAIN_UNAVAILABLE')` and never falls back to storing plaintext.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  /** Resolves true when something was deleted. */
  delete(key: string): Promise<boolean>
}

/** The keychain service name every secret is filed under. */
export const SECRET_SERVICE = 'com.allv.desktop'
