import type { Logger } from '../platform/logger'
import { AllvError } from '../platform/errors'
import type { SecretStore } from '../secrets/secret-store'
import type { KeyValueStore } from '../storage/key-value-store'
import { ConnectionRecordSchema, secretKeys, type ConnectionRecord } from './connection-record'

/** The document the registry keeps in the settings store: records only, never secrets. */
export type ConnectionsDocument = { connections: Record<string, ConnectionRecord> }

/** A secret to put in the keychain, by its key. */
export type SecretEntry = readonly [key: string, value: string]

/** Connection records in the settings store and their secrets in the keychain, kept in step. */
export interface ConnectionRegistry {
  list(): ConnectionRecord[]
  get(connectionId: string): ConnectionRecord | null
  require(connectionId: string): ConnectionRecord
  /**
   * Writes the secrets, then the record. Nothing is half-saved: a failed keychain write leaves
   * no record, and a failed record write puts the keychain back as it was.
   */
  save(record: ConnectionRecord, secrets: SecretEntry[], dropSecrets?: string[]): Promise<void>
  /** Changes non-secret fields of a record; returns the record as stored. */
  update(connectionId: string, patch: Partial<ConnectionRecord>): ConnectionRecord
  readSecret(key: string): Promise<string | null>
  writeSecret(key: string, value: string): Promise<void>
  /** Deletes the keychain entries first, so a keychain failure leaves the record to retry. */
  remove(connectionId: string): Promise<void>
  /** Records in the file this version cannot read; they are kept there untouched. */
  unreadable(): UnreadableRecord[]
}

/** A record left out of the list, and the provider it names, when it names one. */
export interface UnreadableRecord {
  connectionId: string
  providerId: string | null
}

/** Builds the registry over the settings store and the keychain. */
export function createConnectionRegistry(
  store: KeyValueStore<ConnectionsDocument>,
  secrets: SecretStore,
  logger: Logger,
): ConnectionRegistry {
  // Writes go through the raw map so that a record this version cannot read is kept as is.
  const raw = (): Record<string, unknown> => store.get('connections') ?? {}

  // Every listing reads the file again; one warning per damaged record is enough.
  const warned = new Set<string>()
  const parse = (id: string, value: unknown): ConnectionRecord | null => {
    const parsed = ConnectionRecordSchema.safeParse(value)
    return parsed.success && parsed.data.id === id ? parsed.data : null
  }

  const all = (): Record<string, ConnectionRecord> => {
    const records: Record<string, ConnectionRecord> = {}
    for (const [id, value] of Object.entries(raw())) {
      const record = parse(id, value)
      // A damaged record is left out, not fatal: the other connections keep working.
      if (record) records[id] = record
      else if (!warned.has(id)) {
        warned.add(id)
        logger.warn('Skipping a connection record that does not parse', { connectionId: id })
      }
    }
    return records
  }

  const unreadable = (): UnreadableRecord[] =>
    Object.entries(raw())
      .filter(([id, value]) => parse(id, value) === null)
      .map(([connectionId, value]) => {
        const providerId =
          typeof value === 'object' && value ? Reflect.get(value, 'providerId') : null
        return { connectionId, providerId: typeof providerId === 'string' ? providerId : null }
      })

  const writeRecord = (record: ConnectionRecord) => {
    store.set('connections', {
      ...raw(),
      [record.id]: record,
    } as ConnectionsDocument['connections'])
  }

  const get = (connectionId: string) => all()[connectionId] ?? null

  const require = (connectionId: string) => {
    const record = get(connectionId)
    if (!record) throw new AllvError('NOT_FOUND', 'That connection no longer exists.')
    return record
  }

  const restore = async (previous: Map<string, string | null>) => {
    for (const [key, value] of previous) {
      try {
        if (value === null) await secrets.delete(key)
        else await secrets.set(key, value)
      } catch (error) {
        logger.error('Could not put a keychain entry back after a failed save', { key, error })
      }
    }
  }

  const save: ConnectionRegistry['save'] = async (record, entries, dropSecrets = []) => {
    const previous = new Map<string, string | null>()
    for (const [key] of entries) previous.set(key, await secrets.get(key))

    const written = new Map<string, string | null>()
    try {
      for (const [key, value] of entries) {
        await secrets.set(key, value)
        written.set(key, previous.get(key) ?? null)
      }
    } catch (error) {
      await restore(written)
      throw error
    }

    try {
      writeRecord(record)
    } catch (error) {
      await restore(previous)
      throw new AllvError('INTERNAL', 'Could not write the connection to the settings file.', {
        cause: error,
      })
    }

    for (const key of dropSecrets) {
      await secrets.delete(key).catch((error: unknown) => {
        logger.warn('Could not delete an unused keychain entry', { key, error })
      })
    }
  }

  return {
    list: () => Object.values(all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    get,
    require,
    save,
    update: (connectionId, patch) => {
      const record = { ...require(connectionId), ...patch, id: connectionId }
      writeRecord(record)
      return record
    },
    readSecret: (key) => secrets.get(key),
    writeSecret: (key, value) => secrets.set(key, value),
    remove: async (connectionId) => {
      for (const key of Object.values(secretKeys)) await secrets.delete(key(connectionId))
      const rest = { ...raw() }
      delete rest[connectionId]
      store.set('connections', rest as ConnectionsDocument['connections'])
    },
    unreadable,
  }
}
