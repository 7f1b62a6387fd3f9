import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunStatus } from '../../../src/shared/workflows'
import {
  draft,
  httpStep,
  openService,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from './workflow-test-kit'

/** A loopback port that nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const probe = await startLoopback(() => ({}))
  await probe.close()
  return probe.port
}

describe('waiting for the network', () => {
  let data: ReturnType<typeof tempDataDir>
  let server: LoopbackServer | null = null
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(async () => {
    await server?.close()
    server = null
    data.remove()
  })

  it('shows the run waiting while the server is down, then succeeds once it is up', async () => {
    const port = await closedPort()
    const statusesDuringSleep: (RunStatus | undefined)[] = []
    const delays: number[] = []
    const opened = openService(data.dir, {
      retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 },
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms)
        statusesDuringSleep.push(opened.journal.listRuns({})[0]?.status)
        if (delays.length === 2) server = await startLoopback(() => ({ body: '{"up":1}' }), port)
      },
    })
    const statuses: RunStatus[] = []
    opened.service.onRunChanged((run) => statuses.push(run.status))
    const workflow = opened.service.save(draft([httpStep('ping', `http://127.0.0.1:${port}/`)]))

    const { runId } = await opened.service.run(workflow.id)
    await opened.service.idle()

    const run = opened.service.getRun(runId)
    expect(statusesDuringSleep).toEqual(['waiting', 'waiting'])
    expect(statuses).toContain('waiting')
    expect(run.status).toBe('succeeded')
    expect(run.steps[0]?.attempts).toBe(3)
    expect(delays).toEqual([750, 1500])
    expect(opened.journal.stepLogs(runId, 0)[0]).toMatchObject({
      level: 'warn',
      message: expect.stringMatching(/unreachable \(attempt 1\)/),
    })
    await opened.service.close()
  })

  it('gives up after the configured attempts with NETWORK_UNAVAILABLE', async () => {
    const port = await closedPort()
    const opened = openService(data.dir, { retry: { maxAttempts: 3 } })
    const workflow = opened.service.save(draft([httpStep('ping', `http://127.0.0.1:${port}/`)]))

    const { runId } = await opened.service.run(workflow.id)
    await opened.service.idle()

    const run = opened.service.getRun(runId)
    expect(run.status).toBe('failed')
    expect(run.error?.code).toBe('NETWORK_UNAVAILABLE')
    expect(run.steps[0]?.error?.message).toMatch(/Could not reach 127\.0\.0\.1:\d+ after 3/)
    expect(run.steps[0]?.attempts).toBe(3)
    await opened.service.close()
  })
})
