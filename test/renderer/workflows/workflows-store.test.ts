import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newHttpStep } from '../../../src/renderer/workflows/editor-draft'
import { useWorkflowsStore } from '../../../src/renderer/workflows/workflows-store'
import { installFakeAllv } from '../fake-allv'

const initial = useWorkflowsStore.getState()

beforeEach(() => useWorkflowsStore.setState(initial, true))
afterEach(() => vi.unstubAllGlobals())

describe('workflows store', () => {
  it('has nothing to lose in a new workflow until the person edits it', () => {
    useWorkflowsStore.getState().create()
    expect(useWorkflowsStore.getState().dirty).toBe(false)
    useWorkflowsStore.getState().edit((draft) => ({ ...draft, name: 'Mine' }))
    expect(useWorkflowsStore.getState().dirty).toBe(true)
  })

  it('keeps the draft main refused, so the message can point into it', async () => {
    const refusal = Object.assign(new Error('steps[0].params.url: enter a URL'), {
      code: 'WORKFLOW_INVALID',
    })
    installFakeAllv({ workflows: { save: vi.fn(async () => Promise.reject(refusal)) } })
    useWorkflowsStore.getState().create()
    useWorkflowsStore.getState().edit((draft) => ({ ...draft, steps: [newHttpStep(1)] }))
    const sent = useWorkflowsStore.getState().draft

    expect(await useWorkflowsStore.getState().save()).toBeNull()
    expect(useWorkflowsStore.getState().error).toEqual({
      code: 'WORKFLOW_INVALID',
      message: 'steps[0].params.url: enter a URL',
      action: 'save',
      refused: sent,
    })
  })
})
