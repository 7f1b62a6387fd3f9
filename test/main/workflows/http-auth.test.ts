import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AllvError } from '../../../src/main/platform/errors'
import { createLogger } from '../../../src/main/platform/logger'
import {
  draft,
  fakeConnections,
  httpStep,
  openService,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from './workflow-test-kit'

const CANARY = 'canary-access-token-5f1c0e9a7b'
const FRESH = 'fresh-access-token-8d2b4c6e1a'

describe('http.request auth', () => {
  let data: ReturnType<typeof tempDataDir>
  let server: LoopbackServer
  let accepted: string
  beforeEach(async () => {
    data = tempDataDir()
    accepted = FRESH
    // Echoes the request back, credentials included, as some debugging endpoints do.
    server = await startLoopback((request) => {
      const authorized = request.headers.authorization === `Bearer ${accepted}`
      return {
        status: authorized ? 200 : 401,
        headers: { 'content-type': 'application/json', 'set-cookie': `session=${CANARY}` },
        body: JSON.stringify({ youSent: request.headers.authorization }),
      }
    })
  })
  afterEach(async () => {
    await server.close()
    data.remove()
  })

  const runOnce = async (connections: ReturnType<typeof fakeConnections>, url = '/me') => {
    const logLines: string[] = []
    const logger = createLogger((line) => logLines.push(line), 'debug')
    const opened = openService(data.dir, { connections, logger })
    const workflow = opened.service.save(draft([httpStep('me', url, { connectionId: 'conn-1' })]))
    const { runId } = await opened.service.run(workflow.id)
    await opened.service.idle()
    const run = opened.service.getRun(runId)
    const logs = opened.journal.stepLogs(runId, 0).map((entry) => entry.message)
    await opened.service.close()
    return { run, logLines, logs }
  }

  it('refreshes once after a 401 and retries with the new token', async () => {
    const connections = fakeConnections([CANARY, FRESH], server.url)

    const { run } = await runOnce(connections)

    expect(run.status).toBe('succeeded')
    expect(connections.calls).toEqual([
      { connectionId: 'conn-1', afterUnauthorized: false },
      { connectionId: 'conn-1', afterUnauthorized: true },
    ])
    expect(server.seen.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${CANARY}`,
      `Bearer ${FRESH}`,
    ])
    expect(run.steps[0]?.attempts).toBe(2)
  })

  it('fails the run on auth when the server refuses the refreshed token too', async () => {
    accepted = 'nobody-has-this-token'
    const connections = fakeConnections([CANARY, FRESH], server.url)

    const { run } = await runOnce(connections)

    expect(run.status).toBe('failed')
    expect(run.error?.code).toBe('AUTH_FAILED')
    expect(run.steps[0]?.error?.message).toMatch(/401 Unauthorized even after its credentials/)
    expect(connections.calls.filter((call) => call.afterUnauthorized)).toHaveLength(1)
    expect(server.seen).toHaveLength(2)
  })

  it('fails the step with the connection error when credentials cannot be had', async () => {
    const connections = fakeConnections([CANARY], server.url)
    connections.failWith(
      new AllvError('NEEDS_RECONNECT', 'Reconnect "Example": its sign-in has expired.'),
    )

    const { run } = await runOnce(connections)

    expect(run.status).toBe('failed')
    expect(run.steps[0]?.error).toEqual({
      code: 'NEEDS_RECONNECT',
      message: 'Reconnect "Example": its sign-in has expired.',
    })
    expect(server.seen).toHaveLength(0)
  })

  it('resolves a path against the connection base URL', async () => {
    const connections = fakeConnections([FRESH], `${server.url}/api/v1/`)

    const { run } = await runOnce(connections, '/users/me')

    expect(run.status).toBe('succeeded')
    expect(server.seen[0]?.url).toBe('/api/v1/users/me')
  })

  it('never lets the token reach the SQLite file, the run detail or the log', async () => {
    const connections = fakeConnections([CANARY, FRESH], server.url)

    const { run, logLines, logs } = await runOnce(connections)

    expect(run.steps[0]?.input).toMatchObject({ headers: { Authorization: '[redacted]' } })
    expect(run.steps[0]?.output?.headers['set-cookie']).toBe('[redacted]')
    expect(run.steps[0]?.output?.body).toBe('{"youSent":"[redacted]"}')
    for (const text of [JSON.stringify(run), logLines.join('\n'), logs.join('\n')]) {
      expect(text).not.toContain(CANARY)
      expect(text).not.toContain(FRESH)
    }
    for (const name of readdirSync(data.dir)) {
      const bytes = readFileSync(join(data.dir, name))
      expect(bytes.includes(CANARY), name).toBe(false)
      expect(bytes.includes(FRESH), name).toBe(false)
    }
  })
})
