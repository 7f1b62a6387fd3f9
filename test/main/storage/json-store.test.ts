import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../../../src/main/platform/logger'
import { openJsonStore } from '../../../src/main/storage/json-store'
import { tempDataDir } from '../workflows/workflow-test-kit'

const Settings = z.object({ theme: z.enum(['light', 'dark']), recent: z.array(z.string()) })
type Settings = z.infer<typeof Settings>
const defaults: Settings = { theme: 'light', recent: [] }

describe('openJsonStore', () => {
  let data: ReturnType<typeof tempDataDir>
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(() => data.remove())

  const open = (lines: string[] = []) =>
    openJsonStore({
      dataDir: data.dir,
      name: 'settings',
      schema: Settings,
      defaults,
      logger: createLogger((line) => lines.push(line), 'debug'),
      clock: { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) },
    })

  it('keeps what was set when the store is opened again', () => {
    open().set('recent', ['a', 'b'])
    const again = open()
    expect(again.get('recent')).toEqual(['a', 'b'])
    expect(again.recovery).toBeNull()
  })

  it('moves a file with invalid JSON aside, keeps its bytes and starts from defaults', () => {
    const path = join(data.dir, 'settings.json')
    writeFileSync(path, '{"theme": "dark", "recent": [')
    const lines: string[] = []

    const store = open(lines)

    expect(store.get('theme')).toBe('light')
    expect(store.recovery?.reason).toBe('invalid JSON')
    expect(store.recovery?.message).toContain('settings.corrupt-2025-01-02T03-04-05-000Z.json')
    expect(readFileSync(store.recovery?.movedTo ?? '', 'utf8')).toBe(
      '{"theme": "dark", "recent": [',
    )
    expect(lines.some((line) => line.includes('"level":"warn"'))).toBe(true)
  })

  it('moves aside a file that is JSON but fails the schema, naming the fault', () => {
    writeFileSync(join(data.dir, 'settings.json'), JSON.stringify({ theme: 'blue', recent: [] }))

    const store = open()

    expect(store.recovery?.reason).toMatch(/^theme: /)
    expect(store.get('theme')).toBe('light')
    expect(readdirSync(data.dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1)
  })

  it('catches a file broken by hand while the store is open', () => {
    const store = open()
    store.set('theme', 'dark')
    writeFileSync(store.path, 'not json at all')

    expect(store.get('theme')).toBe('light')
    expect(store.recovery?.reason).toBe('invalid JSON')
    expect(readFileSync(store.recovery?.movedTo ?? '', 'utf8')).toBe('not json at all')
  })

  it('refuses to write a value the schema rejects and keeps the file as it was', () => {
    const store = open()
    store.set('theme', 'dark')

    expect(() => store.set('theme', 'blue' as 'dark')).toThrow(/theme/)
    expect(open().get('theme')).toBe('dark')
  })
})
