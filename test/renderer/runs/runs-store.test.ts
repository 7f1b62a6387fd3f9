import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useRunsStore } from '../../../src/renderer/runs/runs-store'
import type { RunDetail, RunSummary } from '../../../src/shared/workflows'
import { installFakeAllv } from '../fake-allv'

const initial = useRunsStore.getState()

const summary = (patch: Partial<RunSummary> = {}): RunSummary => ({
  id: 'run-1',
  workflowId: 'wf-1',
  workflowName: 'W',
  status: 'running',
  trigger: 'manual',
  startedAt: '2026-01-01T10:00:00.000Z',
  finishedAt: null,
  error: null,
  ...patch,
})

beforeEach(() => useRunsStore.setState(initial, true))
afterEach(() => vi.unstubAllGlobals())

describe('runs store', () => {
  it('opens the newest run of a workflow when it comes into view', async () => {
    const older = summary({ id: 'run-0', startedAt: '2026-01-01T09:00:00.000Z' })
    const get = vi.fn(async ({ runId }: { runId: string }) => ({
      ...summary({ id: runId }),
      steps: [],
    }))
    installFakeAllv({ runs: { list: vi.fn(async () => [older, summary()]), get } })
    await useRunsStore.getState().showWorkflow('wf-1')
    expect(useRunsStore.getState().runs.map((run) => run.id)).toEqual(['run-1', 'run-0'])
    expect(useRunsStore.getState().detail?.id).toBe('run-1')
  })

  it('fetches the open run again when main reports it changed', async () => {
    const finished: RunDetail = { ...summary({ status: 'succeeded' }), steps: [] }
    const get = vi.fn(async () => finished)
    const { emit } = installFakeAllv({ runs: { get } })
    const unsubscribe = useRunsStore.getState().subscribe()
    useRunsStore.setState({ workflowId: 'wf-1', selectedRunId: 'run-1' })

    emit('runs:changed', summary({ status: 'succeeded' }))
    await vi.waitFor(() => expect(useRunsStore.getState().detail?.status).toBe('succeeded'))
    expect(useRunsStore.getState().runs[0]?.status).toBe('succeeded')
    unsubscribe()
  })

  it('ignores runs of workflows that are not in view', () => {
    const { emit } = installFakeAllv()
    const unsubscribe = useRunsStore.getState().subscribe()
    useRunsStore.setState({ workflowId: 'wf-1' })
    emit('runs:changed', summary({ workflowId: 'wf-2' }))
    expect(useRunsStore.getState().runs).toEqual([])
    unsubscribe()
  })
})
