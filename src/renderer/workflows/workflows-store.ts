import { create } from 'zustand'
import type { Workflow } from '../../shared/workflows'
import { allv, toUiError, type UiError } from '../allv'
import { draftFromWorkflow, emptyDraft, toWorkflowDraft, type EditorDraft } from './editor-draft'

/** The two faces of the open workflow: its definition, or its run history. */
export type WorkflowView = 'editor' | 'runs'

/** Why a save, delete or run was refused, and which of them it was. */
export interface EditorFailure extends UiError {
  action: 'save' | 'delete' | 'run'
  /** The draft main refused, for a failed save: what a WORKFLOW_INVALID path points into. */
  refused: EditorDraft | null
}

interface WorkflowsState {
  workflows: Workflow[]
  loaded: boolean
  loadError: string | null
  /** The workflow in the editor: a saved id, `null` for a new one, or nothing open. */
  selectedId: string | null
  draft: EditorDraft | null
  view: WorkflowView
  dirty: boolean
  saving: boolean
  running: boolean
  /** Why the last save, delete or run was refused; WORKFLOW_INVALID names the path. */
  error: EditorFailure | null
  load(): Promise<void>
  select(workflowId: string): void
  create(): void
  edit(update: (draft: EditorDraft) => EditorDraft): void
  showView(view: WorkflowView): void
  save(): Promise<Workflow | null>
  remove(): Promise<void>
  run(): Promise<{ workflowId: string; runId: string } | null>
}

/** Saved workflows as main reports them, and the one open in the editor. */
export const useWorkflowsStore = create<WorkflowsState>()((set, get) => ({
  workflows: [],
  loaded: false,
  loadError: null,
  selectedId: null,
  draft: null,
  view: 'editor',
  dirty: false,
  saving: false,
  running: false,
  error: null,

  async load() {
    try {
      const workflows = await allv().workflows.list()
      set({ workflows, loaded: true, loadError: null })
      const { draft } = get()
      if (!draft && workflows[0]) get().select(workflows[0].id)
    } catch (error) {
      set({ loaded: true, loadError: toUiError(error).message })
    }
  },

  select(workflowId) {
    const workflow = get().workflows.find((candidate) => candidate.id === workflowId)
    if (!workflow) return
    const draft = draftFromWorkflow(workflow)
    set({ selectedId: workflowId, draft, view: 'editor', dirty: false, error: null })
  },

  // Untouched, a new workflow has nothing to lose; it counts as unsaved once edited.
  create() {
    set({ selectedId: null, draft: emptyDraft(), view: 'editor', dirty: false, error: null })
  },

  showView(view) {
    set({ view })
  },

  edit(update) {
    const { draft } = get()
    if (draft) set({ draft: update(draft), dirty: true })
  },

  async save() {
    const { draft } = get()
    if (!draft) return null
    set({ saving: true, error: null })
    try {
      const saved = await allv().workflows.save(toWorkflowDraft(draft))
      set((state) => ({
        workflows: upsert(state.workflows, saved),
        selectedId: saved.id,
        draft: state.draft === draft ? { ...draft, id: saved.id } : state.draft,
        dirty: state.draft !== draft,
        saving: false,
      }))
      return saved
    } catch (error) {
      set({ saving: false, error: failure('save', error, draft) })
      return null
    }
  },

  async remove() {
    const { selectedId } = get()
    if (selectedId === null) {
      set({ draft: null, dirty: false, error: null })
      return
    }
    try {
      await allv().workflows.delete({ workflowId: selectedId })
      set((state) => ({
        workflows: state.workflows.filter((workflow) => workflow.id !== selectedId),
        selectedId: null,
        draft: null,
        dirty: false,
        error: null,
      }))
    } catch (error) {
      set({ error: failure('delete', error) })
    }
  },

  async run() {
    const { dirty, selectedId } = get()
    const workflowId = dirty || selectedId === null ? (await get().save())?.id : selectedId
    if (!workflowId) return null
    set({ running: true, error: null })
    try {
      const { runId } = await allv().workflows.run({ workflowId })
      set({ running: false, view: 'runs' })
      return { workflowId, runId }
    } catch (error) {
      set({ running: false, error: failure('run', error) })
      return null
    }
  },
}))

function failure(
  action: EditorFailure['action'],
  error: unknown,
  refused: EditorDraft | null = null,
): EditorFailure {
  return { ...toUiError(error), action, refused }
}

function upsert(workflows: Workflow[], saved: Workflow): Workflow[] {
  const known = workflows.some((workflow) => workflow.id === saved.id)
  return known
    ? workflows.map((workflow) => (workflow.id === saved.id ? saved : workflow))
    : [...workflows, saved]
}
