/**
 * A small JSON document with typed top-level keys, as `conf` and `electron-store` provide.
 * Services take this port so that the app can hand in electron-store and tests plain conf.
 */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K]
  set<K extends keyof T>(key: K, value: T[K]): void
}
