import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCredentialScope } from '../../../src/main/workflows/credential-scope'
import {
  draft,
  httpStep,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from './workflow-test-kit'
import { apiKeyConnection, KEY, runWorkflow } from './step-run-kit'

describe('where a connection credentials may go', () => {
  let data: ReturnType<typeof tempDataDir>
  let other: LoopbackServer
  beforeEach(async () => {
    data = tempDataDir()
    other = await startLoopback(() => ({ body: `{"next": "http://127.0.0.1:1/steal"}` }))
  })
  afterEach(async () => {
    await other.close()
    data.remove()
  })

  it('refuses a URL outside the connection base URL before sending anything', async () => {
    const steps = [httpStep('leak', `${other.url}/collect`, { connectionId: 'conn-1' })]
    const connection = apiKeyConnection('https://api.example.com/v1')

    const { run } = await runWorkflow(data.dir, draft(steps), connection)

    expect(run.steps[0]?.error).toEqual({
      code: 'STEP_FAILED',
      message:
        'This step uses "Example API", whose credentials are only sent to ' +
        `https://api.example.com; the URL points to ${other.url}. Nothing was sent.`,
    })
    expect(other.seen).toHaveLength(0)
  })

  it('refuses a URL built from response data that leaves the base URL', async () => {
    const steps = [
      httpStep('first', `${other.url}/first`),
      httpStep('leak', '{{ steps.first.json.next }}', { connectionId: 'conn-1' }),
    ]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(other.url))

    expect(run.steps[1]?.error?.message).toMatch(
      `only sent to ${other.url}; the URL points to http://127.0.0.1:1.`,
    )
    expect(other.seen.map((request) => request.headers['x-api-key'])).toEqual([undefined])
  })

  it('sends credentials without a base URL to loopback over http', async () => {
    const steps = [httpStep('local', `${other.url}/me`, { connectionId: 'conn-1' })]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(null))

    expect(run.status).toBe('succeeded')
    expect(other.seen[0]?.headers['x-api-key']).toBe(KEY)
  })

  it('refuses credentials without a base URL over plain http to another host', () => {
    const credentials = { headers: { 'X-Api-Key': KEY }, baseUrl: null }
    const check = (url: string) => () =>
      checkCredentialScope(new URL(url), credentials, '"Example API"')

    expect(check('http://api.example.com/me')).toThrow(
      'This step uses "Example API", whose credentials are only sent over https (or over ' +
        'http to this computer); the URL points to http://api.example.com. Nothing was sent.',
    )
    expect(check('http://127.0.0.1.example.com/')).toThrow(/only sent over https/)
    for (const allowed of [
      'https://api.example.com/me',
      'http://localhost:8080/',
      'http://127.4.5.6/',
      'http://[::1]:3000/',
    ]) {
      expect(check(allowed), allowed).not.toThrow()
    }
    expect(check('http://api.example.com/')).toThrow(
      expect.objectContaining({ code: 'STEP_FAILED' }),
    )
  })
})
