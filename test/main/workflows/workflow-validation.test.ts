import { describe, expect, it } from 'vitest'
import { AllvError } from '../../../src/main/platform/errors'
import { validateWorkflowDraft } from '../../../src/main/workflows/workflow-validation'
import { draft, httpStep } from './workflow-test-kit'

function faultOf(input: unknown): string {
  try {
    validateWorkflowDraft(input)
  } catch (error) {
    if (error instanceof AllvError && error.code === 'WORKFLOW_INVALID') return error.message
    throw error
  }
  throw new Error('the draft was accepted')
}

describe('validateWorkflowDraft', () => {
  it('refuses a plainly invalid URL, naming the path of the fault', () => {
    expect(faultOf(draft([httpStep('a', 'ht!tp:/nope')]))).toBe(
      'steps[0].params.url: must be a full URL such as https://example.com/path',
    )
  })

  it('refuses a URL with a scheme other than http(s)', () => {
    expect(faultOf(draft([httpStep('a', 'ftp://example.com/file')]))).toBe(
      'steps[0].params.url: must start with https:// or http://',
    )
  })

  it('refuses a path when the step has no connection to give it a base URL', () => {
    expect(faultOf(draft([httpStep('a', '/users/me')]))).toMatch(
      /^steps\[0\]\.params\.url: must be a full URL .*needs a connection/,
    )
  })

  it('accepts a path on a step with a connection, and expressions anywhere', () => {
    const accepted = validateWorkflowDraft(
      draft([
        httpStep('a', '/users/me', { connectionId: 'conn-1' }),
        httpStep('b', '{{ steps.a.json.next }}'),
        httpStep('c', 'https://example.com/items/{{ steps.a.json.id }}'),
      ]),
    )
    expect(accepted.steps).toHaveLength(3)
  })

  it('checks the static part of a URL around an expression', () => {
    expect(faultOf(draft([httpStep('a', 'ht!tp:/{{ steps.x.json.id }}')]))).toMatch(
      /^steps\[0\]\.params\.url: must be a full URL/,
    )
  })

  it('refuses an expression that is not valid JSONata, at its parameter', () => {
    const step = httpStep('a', 'https://example.com/')
    step.params.headers = { 'X-Id': '{{ steps.a.( }}' }
    expect(faultOf(draft([step]))).toMatch(
      /^steps\[0\]\.params\.headers\.X-Id: \{\{ steps\.a\.\( \}\} is not a valid JSONata/,
    )
  })

  it('refuses an expression that is never closed', () => {
    expect(faultOf(draft([httpStep('a', 'https://x.test/{{ steps.a')]))).toMatch(/never closed/)
  })

  it('refuses two steps with one id', () => {
    const url = 'https://example.com/'
    expect(faultOf(draft([httpStep('a', url), httpStep('a', url)]))).toBe(
      'steps[1].id: "a" is used by an earlier step',
    )
  })

  it('reports schema faults with their path', () => {
    expect(faultOf({ ...draft([httpStep('a', '')]) })).toBe('steps[0].params.url: enter a URL')
    expect(faultOf({ ...draft([]), name: '' })).toBe('name: give the workflow a name')
  })

  it('refuses a header value with a line break, naming the header', () => {
    const step = httpStep('a', 'https://example.com/')
    step.params.headers = { 'X-Foo': 'one\r\nX-Injected: two' }

    expect(faultOf(draft([step]))).toBe(
      'steps[0].params.headers.X-Foo: must not contain line breaks',
    )
  })

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved step id %s', (id) => {
    expect(faultOf(draft([httpStep(id, 'https://example.com/')]))).toBe(
      'steps[0].id: is a reserved name; choose another id',
    )
  })
})
