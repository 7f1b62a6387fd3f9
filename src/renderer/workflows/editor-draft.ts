import type { HttpMethod, Workflow, WorkflowDraft } from '../../shared/workflows'
import { WORKFLOW_SCHEMA_VERSION } from '../../shared/workflow-version'

/** One header of a step as the editor holds it; rows may be blank or repeat while typing. */
export interface HeaderRow {
  rowId: string
  name: string
  value: string
}

/** An HTTP request step as the editor holds it. */
export interface EditorStep {
  id: string
  name: string
  connectionId: string | null
  method: HttpMethod
  url: string
  headers: HeaderRow[]
  body: string
}

/** A workflow as the editor holds it; `id` is absent until main first saves it. */
export interface EditorDraft {
  id?: string
  name: string
  steps: EditorStep[]
}

export const HTTP_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']

/** Whether the editor offers a body for this method. */
export function methodHasBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE'
}

/** A short random id that fits the workflow schema's id pattern. */
export function newLocalId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`
}

/** A new, untitled workflow with no steps. */
export function emptyDraft(): EditorDraft {
  return { name: 'Untitled workflow', steps: [] }
}

/** A fresh HTTP request step, numbered after the steps already there. */
export function newHttpStep(position: number): EditorStep {
  return {
    id: newLocalId('step'),
    name: `HTTP request ${position}`,
    connectionId: null,
    method: 'GET',
    url: '',
    headers: [],
    body: '',
  }
}

/** Loads a saved workflow into the editor. */
export function draftFromWorkflow(workflow: Workflow): EditorDraft {
  const steps = workflow.steps.map((step) => ({
    id: step.id,
    name: step.name,
    connectionId: step.connectionId,
    method: step.params.method,
    url: step.params.url,
    headers: Object.entries(step.params.headers).map(([name, value]) => ({
      rowId: newLocalId('header'),
      name,
      value,
    })),
    body: step.params.body ?? '',
  }))
  return { id: workflow.id, name: workflow.name, steps }
}

/** Turns the editor's state into the document main validates and saves. */
export function toWorkflowDraft(draft: EditorDraft): WorkflowDraft {
  return {
    schemaVersion: WORKFLOW_SCHEMA_VERSION,
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    trigger: { type: 'manual' },
    steps: draft.steps.map((step) => ({
      id: step.id,
      name: step.name,
      type: 'http.request' as const,
      connectionId: step.connectionId,
      params: {
        method: step.method,
        url: step.url,
        headers: headersOf(step.headers),
        body: methodHasBody(step.method) && step.body !== '' ? step.body : null,
      },
    })),
  }
}

function headersOf(rows: HeaderRow[]): Record<string, string> {
  const named = rows.filter((row) => row.name.trim() !== '')
  return Object.fromEntries(named.map((row) => [row.name.trim(), row.value]))
}

/** The row whose header main will receive under this name: the last one, as in `headersOf`. */
export function rowOfHeader(rows: HeaderRow[], name: string): HeaderRow | null {
  return rows.findLast((row) => row.name.trim() === name) ?? null
}
