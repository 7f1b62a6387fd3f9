import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { z } from 'zod'
import { systemClock, type Clock } from '../platform/clock'
import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { moveCorruptFileAside, type StoreRecovery } from './corrupt-file'
import type { KeyValueStore } from './key-value-store'
import { describeFirstIssue } from '../../shared/schema-issues'

/** conf keeps its own bookkeeping under this key; it is not part of the document. */
const CONF_INTERNAL_KEY = '__internal__'

/** The conf constructor options this store passes; electron-store accepts the same ones. */
export interface JsonBackendOptions {
  cwd: string
  configName: string
  defaults: Record<string, unknown>
  accessPropertiesByDotNotation: false
  clearInvalidConfig: false
}

/** The part of conf (and of electron-store, its subclass) that the store relies on. */
export interface JsonBackend {
  readonly path: string
  store: Record<string, unknown>
  set(key: string, value: unknown): void
}

/** Builds the file backend; the desktop side passes one that makes an electron-store. */
export type JsonBackendFactory = (options: JsonBackendOptions) => JsonBackend

/** A KeyValueStore over one JSON file, which also says when it had to start over. */
export interface JsonStore<T extends Record<string, unknown>> extends KeyValueStore<T> {
  readonly path: string
  /** Set when an unreadable file was moved aside, so the UI can tell the person. */
  readonly recovery: StoreRecovery | null
}

/** Options of `openJsonStore`; `schema` checks the whole document on every read and write. */
export interface OpenJsonStoreOptions<T extends Record<string, unknown>> {
  dataDir: string
  /** The file name without `.json`, e.g. `workflows`. */
  name: string
  schema: z.ZodType<T>
  defaults: T
  logger: Logger
  clock?: Clock
  createBackend?: JsonBackendFactory
}

const confBackend: JsonBackendFactory = (options) => new Conf(options)

/** Opens (or creates) `<dataDir>/<name>.json`, moving a broken file aside instead of losing it. */
export function openJsonStore<T extends Record<string, unknown>>(
  options: OpenJsonStoreOptions<T>,
): JsonStore<T> {
  const { dataDir, name, schema, defaults, logger } = options
  const clock = options.clock ?? systemClock
  const path = join(dataDir, `${name}.json`)
  let recovery: StoreRecovery | null = null

  const startOver = (reason: string): void => {
    recovery = moveCorruptFileAside(path, clock.now(), reason)
    logger.warn('store file was unreadable; moved aside and started from defaults', {
      file: path,
      movedTo: recovery.movedTo,
      reason,
    })
  }

  // Checked before conf opens the file: conf would otherwise throw, or clear it for good.
  const problem = inspectFile(path, schema)
  if (problem !== null) startOver(problem)

  const backend = (options.createBackend ?? confBackend)({
    cwd: dataDir,
    configName: name,
    defaults: { ...defaults },
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  })

  // A file edited by hand while the app runs is caught here on the next read.
  const read = (): T => {
    let raw: Record<string, unknown>
    try {
      raw = backend.store
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      return reset('invalid JSON')
    }
    const parsed = schema.safeParse(withoutInternalKey(raw))
    return parsed.success ? parsed.data : reset(describeFirstIssue(parsed.error))
  }

  const reset = (reason: string): T => {
    startOver(reason)
    backend.store = { ...defaults }
    return defaults
  }

  return {
    path,
    get recovery() {
      return recovery
    },
    get: (key) => read()[key],
    set: (key, value) => {
      const next = schema.safeParse({ ...read(), [key]: value })
      if (!next.success) {
        throw new AllvError(
          'INVALID_INPUT',
          `${name}: refused to save ${describeFirstIssue(next.error)}`,
        )
      }
      backend.set(String(key), next.data[key])
    },
  }
}

function inspectFile(path: string, schema: z.ZodType): string | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return 'invalid JSON'
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'not a JSON object'
  }
  const parsed = schema.safeParse(withoutInternalKey(json as Record<string, unknown>))
  return parsed.success ? null : describeFirstIssue(parsed.error)
}

function withoutInternalKey(raw: Record<string, unknown>): Record<string, unknown> {
  const document = { ...raw }
  delete document[CONF_INTERNAL_KEY]
  return document
}
