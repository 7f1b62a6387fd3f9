import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import type { ConnectionRecord } from '../../../src/main/connections/connection-record'
import {
  createConnectionRegistry,
  type ConnectionsDocument,
} from '../../../src/main/connections/connection-registry'
import { AllvError } from '../../../src/main/platform/errors'
import { silentLogger } from '../../../src/main/platform/logger'
import { createSystemSecretStore } from '../../../src/main/secrets/keytar-secret-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import type { KeyValueStore } from '../../../src/main/storage/key-value-store'
import { keychainLookup } from '../../support/keychain'

const realConf = () =>
  new Conf<ConnectionsDocument>({
    cwd: mkdtempSync(join(tmpdir(), 'allv-registry-')),
    configName: 'connections',
  })

const record = (id: string): ConnectionRecord => ({
  id,
  providerId: 'apikey',
  label: 'Test API',
  authKind: 'apiKey',
  status: 'connected',
  account: null,
  scopes: [],
  maskedKey: '••••abcd',
  problem: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  oauth: null,
  apiKey: { headerName: 'X-Key', prefix: '', baseUrl: 'https://api.example.test', testUrl: null },
})

/** Real conf whose writes fail from the moment `failing` is set, as a full disk would. */
const breakableStore = () => {
  const conf = realConf()
  const control = { failing: false }
  const store: KeyValueStore<ConnectionsDocument> = {
    get: (key) => conf.get(key),
    set: (key, value) => {
      if (control.failing) throw new Error('ENOSPC: no space left on device')
      conf.set(key, value)
    },
  }
  return { store, control }
}

describe('the connection registry', () => {
  it('writes no record when the keychain refuses the secret', async () => {
    const conf = realConf()
    const lockedKeychain: SecretStore = {
      get: async () => null,
      delete: async () => false,
      set: async () => {
        throw new AllvError('KEYCHAIN_UNAVAILABLE', 'No keychain is reachable.')
      },
    }
    const registry = createConnectionRegistry(conf, lockedKeychain, silentLogger)
    const id = randomUUID()

    await expect(
      registry.save(record(id), [[`connection:${id}:apiKey`, 'k']]),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(registry.list()).toEqual([])
  })

  it('removes the new secret from the keychain when the record cannot be written', async () => {
    const { store, control } = breakableStore()
    const registry = createConnectionRegistry(store, createSystemSecretStore(), silentLogger)
    const id = randomUUID()
    control.failing = true

    await expect(
      registry.save(record(id), [[`connection:${id}:apiKey`, 'secret-1']]),
    ).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(keychainLookup(`connection:${id}:apiKey`)).toBeNull()
  })

  it('puts the previous secret back when a reconnect cannot write its record', async () => {
    const { store, control } = breakableStore()
    const registry = createConnectionRegistry(store, createSystemSecretStore(), silentLogger)
    const id = randomUUID()
    const key = `connection:${id}:apiKey`
    await registry.save(record(id), [[key, 'first-secret']])
    control.failing = true

    await expect(registry.save(record(id), [[key, 'second-secret']])).rejects.toThrow()

    expect(keychainLookup(key)).toBe('first-secret')
    control.failing = false
    await registry.remove(id)
    expect(keychainLookup(key)).toBeNull()
  })

  it('leaves out a damaged record, keeping it in the file and the others working', async () => {
    const conf = realConf()
    const registry = createConnectionRegistry(conf, createSystemSecretStore(), silentLogger)
    const good = record(randomUUID())
    const damaged = { id: 'damaged', providerId: 'apikey' } as unknown as ConnectionRecord
    conf.set('connections', { damaged })

    await registry.save(good, [])

    expect(registry.list()).toEqual([good])
    expect(conf.get('connections').damaged).toEqual(damaged)
  })
})
