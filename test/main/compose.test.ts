import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createServices } from '../../src/main/compose'
import type { SecretStore } from '../../src/main/secrets/secret-store'
import type { Services } from '../../src/main/services'

const memorySecrets = (): SecretStore => {
  const values = new Map<string, string>()
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => values.delete(key),
  }
}

describe('createServices', () => {
  let services: Services | undefined

  afterEach(async () => {
    await services?.close()
    services = undefined
  })

  const start = (dataDir: string, logLines: string[] = []) =>
    createServices({
      dataDir,
      openExternal: async () => {},
      secrets: memorySecrets(),
      logSink: (line) => logLines.push(line),
    })

  test('starts on an empty data folder with nothing to report', async () => {
    services = await start(mkdtempSync(join(tmpdir(), 'allv-compose-')))
    expect(services.notices()).toEqual([])
    expect(await services.connections.list()).toEqual([])
    expect(services.workflows.list()).toEqual([])
  })

  test('moves broken settings files aside untouched and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'allv-compose-'))
    writeFileSync(join(dataDir, 'connections.json'), '{"connections": {"c1": ')
    writeFileSync(join(dataDir, 'workflows.json'), '{"workflows": [{"na')
    const logLines: string[] = []

    services = await start(dataDir, logLines)

    const notices = services.notices()
    expect(notices).toHaveLength(2)
    expect(notices.join('\n')).toMatch(/connections\.json/)
    expect(notices.join('\n')).toMatch(/workflows\.json/)
    const kept = readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))
    const keptText = kept.map((name) => readFileSync(join(dataDir, name), 'utf8')).sort()
    expect(keptText).toEqual(['{"connections": {"c1": ', '{"workflows": [{"na'])
    expect(await services.connections.list()).toEqual([])
    expect(logLines.some((line) => line.includes('moved aside'))).toBe(true)
  })

  test('hands a forged deep link to no one and logs it without its query', async () => {
    const logLines: string[] = []
    services = await start(mkdtempSync(join(tmpdir(), 'allv-compose-')), logLines)

    const forged = 'com.allv.desktop:/oauth/github?code=SECRET-CODE&state=nope'
    expect(await services.handleDeepLink(forged)).toBe(false)
    expect(await services.handleDeepLink('com.allv.desktop:/settings/x?token=SECRET-TOKEN')).toBe(
      false,
    )

    expect(logLines.join('\n')).not.toMatch(/SECRET-(CODE|TOKEN)/)
    expect(logLines.filter((line) => line.includes('"level":"warn"')).length).toBeGreaterThan(1)
    expect(await services.connections.list()).toEqual([])
  })
})
