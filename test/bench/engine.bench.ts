import { afterAll, bench, describe } from 'vitest'
import { silentLogger } from '../../src/main/platform/logger'
import { openRunJournal } from '../../src/main/storage/run-journal'
import {
  draft,
  httpStep,
  openService,
  startLoopback,
  tempDataDir,
} from '../main/workflows/workflow-test-kit'

// Measured only: these numbers depend on the disk (synchronous = FULL syncs every commit).
describe('run journal', () => {
  const data = tempDataDir()
  const journal = openRunJournal({ dataDir: data.dir, logger: silentLogger })
  let n = 0
  afterAll(() => {
    journal.close()
    data.remove()
  })

  bench('one step journaled: run row, step start and step result (3 commits)', () => {
    const id = `run-${n++}`
    const now = new Date().toISOString()
    journal.createRun({
      id,
      workflowId: 'wf',
      workflowName: 'Bench',
      trigger: 'manual',
      startedAt: now,
      steps: [{ stepId: 'a', name: 'A', type: 'http.request' }],
    })
    journal.startStep(id, 0, now)
    journal.finishStep(id, 0, {
      status: 'succeeded',
      finishedAt: now,
      attempts: 1,
      input: { method: 'GET', url: 'http://127.0.0.1/' },
      output: { status: 200, statusText: 'OK', headers: {}, body: '{}', truncated: false },
      error: null,
    })
  })
})

describe('engine', async () => {
  const data = tempDataDir()
  const server = await startLoopback((request) => ({ body: JSON.stringify({ at: request.url }) }))
  const { service } = openService(data.dir)
  const steps = Array.from({ length: 50 }, (_, i) =>
    httpStep(`s${i}`, i === 0 ? `${server.url}/0` : `${server.url}/{{ steps.s${i - 1}.json.at }}`),
  )
  const workflow = service.save(draft(steps, 'Fifty steps'))
  afterAll(async () => {
    await service.close()
    await server.close()
    data.remove()
  })

  bench(
    'a 50-step run against a loopback server, each step reading the previous one',
    async () => {
      await service.run(workflow.id)
      await service.idle()
    },
    { iterations: 20 },
  )
})
