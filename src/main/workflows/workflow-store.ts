import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Workflow } from '../../shared/workflows'
import { systemClock, type Clock } from '../platform/clock'
import { AllvError, isAllvError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { openJsonStore, type JsonBackendFactory, type JsonStore } from '../storage/json-store'
import type { KeyValueStore } from '../storage/key-value-store'
import { validateWorkflow, validateWorkflowDraft } from './workflow-validation'

/**
 * The workflows file (`workflows.json`). Each document in it is read on its own by the store,
 * so one that this version cannot read (a newer schema, a bad hand edit) hides no other.
 */
export const WorkflowsDocument = z.object({ workflows: z.array(z.unknown()) })
/** The parsed content of `workflows.json`. */
export type WorkflowsDocument = z.infer<typeof WorkflowsDocument>

/** Opens `workflows.json` in the data folder; a file that is not a JSON object moves aside. */
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

/** A document of the file that did not validate, with where it is and why. */
export interface UnreadableWorkflow {
  /** E.g. `workflows[1] ("Daily report"): schemaVersion: Invalid input: expected 1`. */
  reason: string
}

/** Saved workflow documents: list, save (validated and stamped), delete. */
export interface WorkflowStore {
  list(): Workflow[]
  get(workflowId: string): Workflow | null
  save(draft: unknown): Workflow
  delete(workflowId: string): void
  /** Documents left out of `list`; they stay in the file as they are through every save. */
  unreadable(): UnreadableWorkflow[]
}

type Entry = { workflow: Workflow; raw: unknown } | { workflow: null; raw: unknown; reason: string }

/** Keeps workflows in a key-value store; every document is validated before it is written. */
export function createWorkflowStore(
  store: KeyValueStore<WorkflowsDocument>,
  clock: Clock = systemClock,
  newId: () => string = randomUUID,
): WorkflowStore {
  const entries = (): Entry[] => store.get('workflows').map(readEntry)
  const all = () => entries().flatMap((entry) => (entry.workflow === null ? [] : [entry.workflow]))

  return {
    list: all,
    get: (workflowId) => all().find((workflow) => workflow.id === workflowId) ?? null,
    save: (draft) => {
      const valid = validateWorkflowDraft(draft)
      const current = entries()
      const now = new Date(clock.now()).toISOString()
      const at = current.findIndex(
        (entry) => entry.workflow !== null && entry.workflow.id === valid.id,
      )
      const existing = current[at]?.workflow

      // An id that is not ours yet (an import) is kept, so links to it keep working.
      const saved: Workflow = {
        ...valid,
        id: valid.id ?? newId(),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      }
      const raws = current.map((entry) => entry.raw)
      if (at === -1) raws.push(saved)
      else raws[at] = saved
      store.set('workflows', raws)
      return saved
    },
    delete: (workflowId) => {
      const current = entries()
      const kept = current.filter(
        (entry) => entry.workflow === null || entry.workflow.id !== workflowId,
      )
      if (kept.length === current.length) {
        throw new AllvError('NOT_FOUND', `No workflow has the id "${workflowId}".`)
      }
      store.set(
        'workflows',
        kept.map((entry) => entry.raw),
      )
    },
    unreadable: () =>
      entries().flatMap((entry) => (entry.workflow === null ? [{ reason: entry.reason }] : [])),
  }
}

function readEntry(raw: unknown, index: number): Entry {
  try {
    return { workflow: validateWorkflow(raw), raw }
  } catch (error) {
    if (!isAllvError(error, 'WORKFLOW_INVALID')) throw error
    return { workflow: null, raw, reason: `${describeDocument(raw, index)}: ${error.message}` }
  }
}

/** Names a document for a person: its place in the file, and its name when it has one. */
function describeDocument(raw: unknown, index: number): string {
  const name = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'name') : undefined
  const label = typeof name === 'string' ? ` ("${name.slice(0, 80)}")` : ''
  return `workflows[${index}]${label}`
}
