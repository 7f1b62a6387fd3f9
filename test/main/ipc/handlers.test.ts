import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createServices } from '../../../src/main/compose'
import { createIpcHandlers, type IpcHandlers } from '../../../src/main/ipc/handlers'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import type { Services } from '../../../src/main/services'

const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => {},
  delete: async () => false,
}

const draft = (patch: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  name: 'Fetch',
  trigger: { type: 'manual' },
  steps: [],
  ...patch,
})

describe('the IPC handlers', () => {
  let services: Services
  let handlers: IpcHandlers
  let logLines: string[]

  beforeEach(async () => {
    logLines = []
    services = await createServices({
      dataDir: mkdtempSync(join(tmpdir(), 'allv-ipc-')),
      openExternal: async () => {},
      secrets: noSecrets,
      logSink: (line) => logLines.push(line),
    })
    handlers = createIpcHandlers(services)
  })

  afterEach(() => services.close())

  test('refuse a workflow without a name as WORKFLOW_INVALID, naming the field', async () => {
    const result = await handlers['workflows:save'](draft({ name: '' }))

    expect(result).toEqual({
      ok: false,
      error: { code: 'WORKFLOW_INVALID', message: 'name: give the workflow a name' },
    })
  })

  test('name a step field the way the editor reads it: steps[0].params.url', async () => {
    const step = { id: 's1', name: 'Call', type: 'http.request', connectionId: null }
    const result = await handlers['workflows:save'](
      draft({ steps: [{ ...step, params: { method: 'GET', url: '' } }] }),
    )

    expect(result).toMatchObject({ ok: false, error: { code: 'WORKFLOW_INVALID' } })
    expect(!result.ok && result.error.message).toMatch(/^steps\[0\]\.params\.url: /)
  })

  test('refuse a malformed call as INVALID_INPUT and never reach the service', async () => {
    const result = await handlers['connections:cancelOAuth']({ flowId: 'x'.repeat(10_000) })

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!result.ok && result.error.message).toMatch(/^flowId: /)
  })

  test('answer with the fields the contract names and nothing else', async () => {
    const saved = await handlers['workflows:save'](draft({ smuggled: 'token-123' }))

    expect(saved.ok).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('token-123')
  })

  test('report an unexpected failure as INTERNAL without its message', async () => {
    services.workflows.list = () => {
      throw new Error('disk said: secret-value-42')
    }

    const result = await handlers['workflows:list'](undefined)

    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('went wrong inside allv') },
    })
    expect(JSON.stringify(result)).not.toContain('secret-value-42')
    const logged = logLines.join('\n')
    expect(logged).toContain('call failed unexpectedly')
    expect(logged).toMatch(/at .*handlers\.test\.ts/)
    expect(logged).not.toContain('secret-value-42')
  })
})
