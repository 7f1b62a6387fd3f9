import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { draft, httpStep, startLoopback, tempDataDir } from './workflow-test-kit'
import { apiKeyConnection, runWorkflow } from './step-run-kit'

describe('step failure messages', () => {
  let data: ReturnType<typeof tempDataDir>
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(() => data.remove())

  it('says why fetch failed instead of a bare "fetch failed"', async () => {
    // Fetch refuses port 6000 (X11) before connecting, with the reason only on `cause`.
    const steps = [httpStep('blocked', 'http://127.0.0.1:6000/')]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(null))

    expect(run.steps[0]?.error).toEqual({
      code: 'STEP_FAILED',
      message: 'The request to 127.0.0.1:6000 failed: bad port',
    })
  })

  it('names the step whose connection no longer exists and says what to do', async () => {
    const steps = [httpStep('me', 'https://api.example.com/me', { connectionId: 'gone' })]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(null))

    expect(run.steps[0]?.error).toEqual({
      code: 'NOT_FOUND',
      message:
        'Step "Step me" uses a connection that no longer exists ("gone"). ' +
        'Pick another connection in the step, then run the workflow again.',
    })
  })

  it('refuses a header value that an expression filled with a line break', async () => {
    const server = await startLoopback(() => ({ body: '{"v": "one\\r\\nX-Injected: two"}' }))
    const second = httpStep('second', `${server.url}/second`)
    second.params.headers = { 'X-Foo': '{{ steps.first.json.v }}' }
    const steps = [httpStep('first', `${server.url}/first`), second]

    const { run } = await runWorkflow(data.dir, draft(steps), apiKeyConnection(null))
    await server.close()

    expect(run.steps[1]?.error).toEqual({
      code: 'STEP_FAILED',
      message:
        'steps[1].params.headers.X-Foo: the value must not contain line breaks or NUL characters',
    })
    expect(server.seen.map((request) => request.url)).toEqual(['/first'])
  })
})
