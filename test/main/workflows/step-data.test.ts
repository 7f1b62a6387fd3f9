import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workflow } from '../../../src/shared/workflows'
import { systemClock } from '../../../src/main/platform/clock'
import { silentLogger } from '../../../src/main/platform/logger'
import { openRunJournal } from '../../../src/main/storage/run-journal'
import { DEFAULT_RETRY_POLICY } from '../../../src/main/workflows/network-retry'
import { createRunEngine } from '../../../src/main/workflows/run-engine'
import { fakeConnections, httpStep, startLoopback, tempDataDir } from './workflow-test-kit'

describe('step data in a run', () => {
  let data: ReturnType<typeof tempDataDir>
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(() => data.remove())

  it('keeps a step id such as __proto__ an ordinary key, even past the schema', async () => {
    const server = await startLoopback(() => ({ body: '{"ok": true}' }))
    const journal = openRunJournal({ dataDir: data.dir, logger: silentLogger })
    const engine = createRunEngine({
      journal,
      connections: fakeConnections(['unused']),
      fetch,
      clock: systemClock,
      sleep: async () => {},
      random: () => 0,
      retry: DEFAULT_RETRY_POLICY,
      requestTimeoutMs: 10_000,
      logger: silentLogger,
    })
    // Built by hand: the schema refuses this id, and the engine must not rely on that alone.
    const workflow: Workflow = {
      schemaVersion: 1,
      id: 'wf',
      name: 'Reserved id',
      trigger: { type: 'manual' },
      steps: [
        httpStep('__proto__', `${server.url}/one`),
        httpStep('two', `${server.url}/{{ steps.__proto__.status }}`),
      ],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    }

    const runId = engine.start(workflow)
    await engine.idle()
    const run = journal.getRun(runId)
    await server.close()
    journal.close()

    expect(run?.status).toBe('succeeded')
    expect(server.seen.map((request) => request.url)).toEqual(['/one', '/200'])
  })
})
