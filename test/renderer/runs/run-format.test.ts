import { describe, expect, it } from 'vitest'
import { formatDuration, prettyBody, readSentRequest } from '../../../src/renderer/runs/run-format'

describe('formatDuration', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString()

  it('reads milliseconds, seconds and minutes', () => {
    expect(formatDuration(at(0), at(840))).toBe('840 ms')
    expect(formatDuration(at(0), at(3240))).toBe('3.2 s')
    expect(formatDuration(at(0), at(125_000))).toBe('2 min 5 s')
  })

  it('has nothing to say while a run is still going', () => {
    expect(formatDuration(at(0), null)).toBeNull()
  })
})

describe('prettyBody', () => {
  it('indents JSON', () => {
    expect(prettyBody('{"a":[1]}')).toEqual({ text: '{\n  "a": [\n    1\n  ]\n}', json: true })
  })

  it('leaves other text as it came', () => {
    expect(prettyBody('<html>')).toEqual({ text: '<html>', json: false })
    expect(prettyBody('{not json')).toEqual({ text: '{not json', json: false })
  })
})

describe('readSentRequest', () => {
  it('reads a recorded HTTP request', () => {
    const input = { method: 'GET', url: 'https://a.test', headers: { Authorization: '[redacted]' } }
    expect(readSentRequest(input)).toEqual({ ...input, body: null })
  })

  it('declines input of another shape', () => {
    expect(readSentRequest({ expression: '$.a' })).toBeNull()
    expect(readSentRequest('text')).toBeNull()
  })
})
