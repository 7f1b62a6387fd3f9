import { describe, expect, it } from 'vitest'
import { newHttpStep, type EditorDraft } from '../../../src/renderer/workflows/editor-draft'
import {
  describeFaultPlace,
  faultIsCurrent,
  faultOfStep,
  readWorkflowFault,
} from '../../../src/renderer/workflows/workflow-fault'

describe('readWorkflowFault', () => {
  it('points a message about the name at the workflow name', () => {
    expect(readWorkflowFault('name: give the workflow a name')).toEqual({
      target: { kind: 'workflowName' },
      path: 'name',
      text: 'Give the workflow a name',
    })
  })

  it.each([
    ['steps[0].name: give the step a name', 0, 'name'],
    ['steps[0].params.url: enter a URL', 0, 'url'],
    ['steps[2].params.method: Invalid option: expected one of "GET"|"POST"', 2, 'method'],
    ['steps[1].connectionId: must be 1-64 letters, digits, "-" or "_"', 1, 'connectionId'],
    ['steps[0].params.body: the expression {{ does not parse', 0, 'body'],
    ['steps.1.params.url: must be a full URL', 1, 'url'],
  ])('points %j at step %i, field %s', (message, stepIndex, field) => {
    expect(readWorkflowFault(message).target).toEqual({
      kind: 'step',
      stepIndex,
      field,
      header: null,
    })
  })

  it('points a header value fault at the header row of that name', () => {
    const fault = readWorkflowFault('steps[1].params.headers.X-Foo: must not contain line breaks')
    expect(fault).toEqual({
      target: {
        kind: 'step',
        stepIndex: 1,
        field: 'headers',
        header: { name: 'X-Foo', part: 'value' },
      },
      path: 'steps[1].params.headers.X-Foo',
      text: 'Must not contain line breaks',
    })
  })

  it('keeps dots inside a header name as part of the name', () => {
    const fault = readWorkflowFault('steps[0].params.headers.X.Trace.Id: must not be empty')
    expect(fault.target).toMatchObject({ header: { name: 'X.Trace.Id', part: 'value' } })
  })

  it('points an invalid header name at the name control of that row', () => {
    const message = 'steps[0].params.headers: "Bad Name" is not a valid HTTP header name'
    expect(readWorkflowFault(message).target).toEqual({
      kind: 'step',
      stepIndex: 0,
      field: 'headers',
      header: { name: 'Bad Name', part: 'name' },
    })
  })

  it('places a fault of the step itself on the step, with no field', () => {
    const fault = readWorkflowFault('steps[3].id: "a" is used by an earlier step')
    expect(fault.target).toEqual({ kind: 'step', stepIndex: 3, field: null, header: null })
  })

  it('keeps a message whole when its path names nothing the editor shows', () => {
    expect(readWorkflowFault('trigger.type: Invalid input')).toEqual({
      target: { kind: 'unplaced' },
      path: null,
      text: 'trigger.type: Invalid input',
    })
  })

  it('does not mistake the words before a colon for a path', () => {
    expect(readWorkflowFault('Invalid input: expected object')).toEqual({
      target: { kind: 'unplaced' },
      path: null,
      text: 'Invalid input: expected object',
    })
  })
})

describe('describeFaultPlace', () => {
  it('names the place in words, counting steps from one', () => {
    const place = (message: string) => describeFaultPlace(readWorkflowFault(message).target)
    expect(place('name: give the workflow a name')).toBe('Workflow name')
    expect(place('steps[0].params.url: enter a URL')).toBe('Step 1, URL')
    expect(place('steps[1].params.headers.X-Foo: must not contain line breaks')).toBe(
      'Step 2, header “X-Foo”',
    )
    expect(place('steps[0].params.headers: "Bad Name" is not a valid HTTP header name')).toBe(
      'Step 1, Headers',
    )
    expect(place('Invalid input')).toBeNull()
  })
})

describe('faultOfStep', () => {
  it('hands a step only the fault that is about it', () => {
    const fault = readWorkflowFault('steps[1].name: give the step a name')
    expect(faultOfStep(fault, 0)).toBeNull()
    expect(faultOfStep(fault, 1)).toEqual({
      field: 'name',
      header: null,
      text: 'Give the step a name',
    })
    expect(faultOfStep(readWorkflowFault('name: give the workflow a name'), 0)).toBeNull()
  })
})

describe('faultIsCurrent', () => {
  const refused: EditorDraft = { name: '', steps: [newHttpStep(1), newHttpStep(2)] }
  const target = (message: string) => readWorkflowFault(message).target

  it('holds while the named part is as main saw it, whatever else changed', () => {
    const elsewhere = { ...refused, steps: [refused.steps[0]!, { ...refused.steps[1]!, url: 'x' }] }
    expect(faultIsCurrent(target('steps[0].params.url: enter a URL'), refused, elsewhere)).toBe(
      true,
    )
    expect(faultIsCurrent(target('name: give the workflow a name'), refused, elsewhere)).toBe(true)
  })

  it('lapses once the person edits the named step or name', () => {
    const edited = { name: 'Named', steps: [{ ...refused.steps[0]!, url: 'x' }, refused.steps[1]!] }
    expect(faultIsCurrent(target('steps[0].params.url: enter a URL'), refused, edited)).toBe(false)
    expect(faultIsCurrent(target('name: give the workflow a name'), refused, edited)).toBe(false)
  })

  it('lapses when an earlier step is removed and another takes the index', () => {
    const shifted = { ...refused, steps: [refused.steps[1]!] }
    expect(faultIsCurrent(target('steps[0].name: give the step a name'), refused, shifted)).toBe(
      false,
    )
  })
})
