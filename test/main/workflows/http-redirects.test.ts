import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  draft,
  httpStep,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from './workflow-test-kit'
import { apiKeyConnection, runWorkflow, KEY } from './step-run-kit'

describe('http.request redirects', () => {
  let data: ReturnType<typeof tempDataDir>
  let a: LoopbackServer
  let b: LoopbackServer
  beforeEach(async () => {
    data = tempDataDir()
    b = await startLoopback(() => ({ body: '{"landed": true}' }))
    a = await startLoopback((request) => {
      if (request.url === '/elsewhere') {
        return { status: 302, headers: { location: `${b.url}/landing` } }
      }
      if (request.url === '/old') return { status: 301, headers: { location: '/new' } }
      if (request.url === '/submit') return { status: 303, headers: { location: '/done' } }
      if (request.url === '/keep') return { status: 307, headers: { location: '/kept' } }
      if (request.url.startsWith('/loop')) return { status: 302, headers: { location: '/loop' } }
      return { body: '{"ok": true}' }
    })
  })
  afterEach(async () => {
    await a.close()
    await b.close()
    data.remove()
  })

  it('does not send the connection API key to another origin a redirect points to', async () => {
    const connection = apiKeyConnection(a.url)
    const steps = [httpStep('go', '/elsewhere', { connectionId: 'conn-1' })]

    const { run, logs } = await runWorkflow(data.dir, draft(steps), connection)

    expect(run.status).toBe('succeeded')
    expect(a.seen[0]?.headers['x-api-key']).toBe(KEY)
    expect(b.seen).toHaveLength(1)
    expect(b.seen[0]?.headers['x-api-key']).toBeUndefined()
    expect(logs.join('\n')).toMatch(/another origin: the credentials were not sent/)
    expect(JSON.stringify({ run, logs })).not.toContain(KEY)
  })

  it('keeps the credentials on a redirect within the same origin', async () => {
    const steps = [httpStep('go', '/old', { connectionId: 'conn-1' })]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(a.url))

    expect(run.status).toBe('succeeded')
    expect(a.seen.map((request) => [request.url, request.headers['x-api-key']])).toEqual([
      ['/old', KEY],
      ['/new', KEY],
    ])
  })

  it('turns a POST into a GET without a body after a 303, as fetch does', async () => {
    const steps = [
      httpStep('post', '/submit', { method: 'POST', body: '{"a": 1}', connectionId: 'conn-1' }),
    ]

    await runWorkflow(data.dir, draft(steps), apiKeyConnection(a.url))

    expect(a.seen[1]).toMatchObject({ method: 'GET', url: '/done', body: '' })
    expect(a.seen[1]?.headers['content-type']).toBeUndefined()
  })

  it('keeps the method and body on a 307', async () => {
    const steps = [
      httpStep('post', '/keep', { method: 'POST', body: '{"a": 1}', connectionId: 'conn-1' }),
    ]

    await runWorkflow(data.dir, draft(steps), apiKeyConnection(a.url))

    expect(a.seen[1]).toMatchObject({ method: 'POST', url: '/kept', body: '{"a": 1}' })
  })

  it('fails the step after ten redirects', async () => {
    const steps = [httpStep('loop', `${a.url}/loop`)]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(null))

    expect(run.steps[0]?.error?.message).toBe(`127.0.0.1:${a.port} redirected more than 10 times.`)
    expect(a.seen).toHaveLength(11)
  })
})
