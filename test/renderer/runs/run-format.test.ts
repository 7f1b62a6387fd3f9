import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  formatLogTime,
  formatStarted,
  prettyBody,
  readSentRequest,
} from '../../../src/renderer/runs/run-format'

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

describe('formatStarted', () => {
  const now = new Date(2026, 11, 3, 16, 30)
  const local = (month: number, day: number, year = 2026) =>
    new Date(year, month, day, 14, 5, 33).toISOString()

  it('shows only the time for a run from today', () => {
    expect(formatStarted(local(11, 3), now, 'en-GB')).toBe('14:05')
  })

  it('adds the date for a run from another day', () => {
    expect(formatStarted(local(11, 2), now, 'en-US')).toBe('Dec 2, 2:05 PM')
  })

  it('adds the year for a run from another year', () => {
    expect(formatStarted(local(11, 2, 2025), now, 'en-GB')).toBe('2 Dec 2025, 14:05')
  })

  it('shows a timestamp it cannot read as it came', () => {
    expect(formatStarted('not a time', now)).toBe('not a time')
  })
})

describe('formatLogTime', () => {
  it('reads a log time to the second', () => {
    expect(formatLogTime(new Date(2026, 11, 3, 14, 5, 33).toISOString(), 'en-GB')).toBe('14:05:33')
  })
})
