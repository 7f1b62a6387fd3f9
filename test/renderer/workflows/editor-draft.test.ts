import { describe, expect, it } from 'vitest'
import {
  draftFromWorkflow,
  newHttpStep,
  rowOfHeader,
  toWorkflowDraft,
} from '../../../src/renderer/workflows/editor-draft'
import type { Workflow } from '../../../src/shared/workflows'

const workflow: Workflow = {
  schemaVersion: 1,
  id: 'wf-1',
  name: 'Post a note',
  trigger: { type: 'manual' },
  steps: [
    {
      id: 'step-1',
      name: 'Create',
      type: 'http.request',
      connectionId: 'c-1',
      params: {
        method: 'POST',
        url: 'https://api.test/notes',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":1}',
      },
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('editor drafts', () => {
  it('round-trips a saved workflow through the editor unchanged', () => {
    const saved = toWorkflowDraft(draftFromWorkflow(workflow))
    expect({ ...saved, createdAt: workflow.createdAt, updatedAt: workflow.updatedAt }).toEqual(
      workflow,
    )
  })

  it('drops unnamed header rows and the body of a method that has none', () => {
    const step = {
      ...newHttpStep(1),
      url: 'https://api.test',
      body: 'left over from POST',
      headers: [
        { rowId: 'h1', name: ' ', value: 'x' },
        { rowId: 'h2', name: ' Accept ', value: 'text/plain' },
      ],
    }
    const [saved] = toWorkflowDraft({ name: 'W', steps: [step] }).steps
    expect(saved?.params).toEqual({
      method: 'GET',
      url: 'https://api.test',
      headers: { Accept: 'text/plain' },
      body: null,
    })
  })

  it('leaves the id out of a workflow main has not saved yet', () => {
    expect(toWorkflowDraft({ name: 'New', steps: [] })).not.toHaveProperty('id')
  })

  it('gives new steps ids the workflow schema accepts', () => {
    expect(newHttpStep(2).id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  })
})

describe('rowOfHeader', () => {
  it('finds the row main receives under a header name: the last, matched after trimming', () => {
    const rows = [
      { rowId: 'h1', name: 'X-Foo', value: 'a' },
      { rowId: 'h2', name: ' X-Foo ', value: 'b' },
      { rowId: 'h3', name: 'Accept', value: '*/*' },
    ]
    expect(rowOfHeader(rows, 'X-Foo')?.rowId).toBe('h2')
    expect(rowOfHeader(rows, 'X-Bar')).toBeNull()
  })
})
