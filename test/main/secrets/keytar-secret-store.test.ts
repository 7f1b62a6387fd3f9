import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isAllvError } from '../../../src/main/platform/errors'
import {
  createKeytarSecretStore,
  createSystemSecretStore,
  type KeytarModule,
} from '../../../src/main/secrets/keytar-secret-store'
import { keychainAccounts, keychainLookup } from '../../support/keychain'

describe('the keytar secret store', () => {
  it('round-trips a secret in the real keychain, where secret-tool finds it', async () => {
    const store = createSystemSecretStore()
    const key = `test:${randomUUID()}`

    await store.set(key, 'the secret value')
    expect(await store.get(key)).toBe('the secret value')
    expect(keychainAccounts()).toContain(key)
    expect(keychainLookup(key)).toBe('the secret value')

    expect(await store.delete(key)).toBe(true)
    expect(await store.get(key)).toBeNull()
    expect(keychainLookup(key)).toBeNull()
    expect(await store.delete(key)).toBe(false)
  })

  it('reports any keychain failure as KEYCHAIN_UNAVAILABLE, with the cause', async () => {
    const dbusDown = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
    const failing: KeytarModule = {
      getPassword: () => Promise.reject(dbusDown),
      setPassword: () => Promise.reject(dbusDown),
      deletePassword: () => Promise.reject(dbusDown),
    }
    const store = createKeytarSecretStore(() => failing)

    for (const attempt of [store.get('k'), store.set('k', 'v'), store.delete('k')]) {
      const error = await attempt.catch((caught: unknown) => caught)
      expect(isAllvError(error, 'KEYCHAIN_UNAVAILABLE')).toBe(true)
      expect((error as Error).cause).toBe(dbusDown)
      expect((error as Error).message).toMatch(/No keychain is reachable.*gnome-keyring/)
    }
  })

  it('reports a keytar that cannot even load as KEYCHAIN_UNAVAILABLE', async () => {
    const store = createKeytarSecretStore(() => {
      throw new Error('libsecret-1.so.0: cannot open shared object file')
    })

    await expect(store.set('k', 'v')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
  })
})
