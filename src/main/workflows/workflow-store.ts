import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { Workflow } from '../../shared/workflows'
import { systemClock, type Clock } from '../platform/clock'
import { AllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { openJsonStore, type JsonBackendFactory, type JsonStore } from '../storage/json-store'
import type { KeyValueStore } from '../storage/key-value-store'
import { validateWorkflowDraft } from './workflow-validation'

/** The workflows file (`workflows.json`): every saved workflow document. */
export const WorkflowsDocument = z.object({ workflows: z.array(Workflow) })
/** The parsed content of `workflows.json`. */
export type WorkflowsDocument = z.infer<typeof WorkflowsDocument>

/** Opens `workflows.json` in the data folder; a broken file is moved aside, not lost. */
export function openWorkflowsFile(options: {
  dataDir: string
  logger: Logger
  clock?: Clock
  createBackend?: JsonBackendFactory
}): JsonStore<WorkflowsDocument> {
  return openJsonStore({
    ...options,
    name: 'workflows',
    schema: WorkflowsDocument,
    defaults: { workflows: [] },
  })
}

/** Saved workflow documents: list, save (validated and stamped), delete. */
export interface WorkflowStore {
  list(): Workflow[]
  get(workflowId: string): Workflow | null
  save(draft: unknown): Workflow
  delete(workflowId: string): void
}

/** Keeps workflows in a key-value store; every document is validated before it is written. */
export function createWorkflowStore(
  store: KeyValueStore<WorkflowsDocument>,
  clock: Clock = systemClock,
  newId: () => string = randomUUID,
): WorkflowStore {
  const all = () => store.get('workflows')

  return {
    list: all,
    get: (workflowId) => all().find((workflow) => workflow.id === workflowId) ?? null,
    save: (draft) => {
      const valid = validateWorkflowDraft(draft)
      const workflows = all()
      const now = new Date(clock.now()).toISOString()
      const existing = workflows.find((workflow) => workflow.id === valid.id)

      // An id that is not ours yet (an import) is kept, so links to it keep working.
      const saved: Workflow = {
        ...valid,
        id: valid.id ?? newId(),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      }
      const next = existing
        ? workflows.map((workflow) => (workflow.id === saved.id ? saved : workflow))
        : [...workflows, saved]
      store.set('workflows', next)
      return saved
    },
    delete: (workflowId) => {
      const workflows = all()
      const next = workflows.filter((workflow) => workflow.id !== workflowId)
      if (next.length === workflows.length) {
        throw new AllvError('NOT_FOUND', `No workflow has the id "${workflowId}".`)
      }
      store.set('workflows', next)
    },
  }
}
