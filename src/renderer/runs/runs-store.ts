import { create } from 'zustand'
import type { RunDetail, RunSummary } from '../../shared/workflows'
import { allv, toUiError } from '../allv'

interface RunsState {
  /** Whose runs are listed; runs of other workflows are ignored as they change. */
  workflowId: string | null
  runs: RunSummary[]
  selectedRunId: string | null
  detail: RunDetail | null
  error: string | null
  showWorkflow(workflowId: string | null): Promise<void>
  selectRun(runId: string): Promise<void>
  subscribe(): () => void
}

/** The runs of the workflow in view, newest first, and the one opened in detail. */
export const useRunsStore = create<RunsState>()((set, get) => {
  const fetchDetail = async (runId: string) => {
    try {
      const detail = await allv().runs.get({ runId })
      if (get().selectedRunId === runId) set({ detail, error: null })
    } catch (error) {
      if (get().selectedRunId === runId) set({ error: toUiError(error).message })
    }
  }

  const noteChange = (summary: RunSummary) => {
    if (summary.workflowId !== get().workflowId) return
    set((state) => ({ runs: newestFirst(upsert(state.runs, summary)) }))
    if (summary.id === get().selectedRunId) void fetchDetail(summary.id)
  }

  return {
    workflowId: null,
    runs: [],
    selectedRunId: null,
    detail: null,
    error: null,

    async showWorkflow(workflowId) {
      if (workflowId === get().workflowId) return
      set({ workflowId, runs: [], selectedRunId: null, detail: null, error: null })
      if (!workflowId) return
      try {
        const runs = newestFirst(await allv().runs.list({ workflowId }))
        if (get().workflowId !== workflowId) return
        set({ runs })
        if (runs[0] && get().selectedRunId === null) await get().selectRun(runs[0].id)
      } catch (error) {
        set({ error: toUiError(error).message })
      }
    },

    async selectRun(runId) {
      const keep = get().detail?.id === runId ? get().detail : null
      set({ selectedRunId: runId, detail: keep, error: null })
      await fetchDetail(runId)
    },

    subscribe() {
      return allv().runs.onChanged(noteChange)
    },
  }
})

function upsert(runs: RunSummary[], summary: RunSummary): RunSummary[] {
  const known = runs.some((run) => run.id === summary.id)
  return known ? runs.map((run) => (run.id === summary.id ? summary : run)) : [summary, ...runs]
}

function newestFirst(runs: RunSummary[]): RunSummary[] {
  return [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}
