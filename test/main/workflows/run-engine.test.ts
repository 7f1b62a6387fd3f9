import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunSummary } from '../../../src/shared/workflows'
import { draft, httpStep, openService, startLoopback, tempDataDir } from './workflow-test-kit'

describe('workflow runs', () => {
  let data: ReturnType<typeof tempDataDir>
  const cleanups: (() => unknown)[] = []
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    data.remove()
  })

  it('journals each step as succeeded before the next step starts', async () => {
    const { service, journal } = openService(data.dir)
    cleanups.push(() => service.close())
    let stepOneAsSeenByStepTwo: string | undefined
    const server = await startLoopback((request) => {
      if (request.url === '/two') {
        const runId = journal.listRuns({})[0]?.id ?? ''
        stepOneAsSeenByStepTwo = journal.getRun(runId)?.steps[0]?.status
      }
      return { body: '{"ok": true}' }
    })
    cleanups.push(() => server.close())
    const workflow = service.save(
      draft([httpStep('one', `${server.url}/one`), httpStep('two', `${server.url}/two`)]),
    )

    const { runId } = await service.run(workflow.id)
    await service.idle()

    expect(stepOneAsSeenByStepTwo).toBe('succeeded')
    expect(service.getRun(runId).status).toBe('succeeded')
  })

  it('resolves run() once the run is journaled, before its steps finish', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const server = await startLoopback(async () => {
      await held
      return {}
    })
    cleanups.push(() => server.close())
    const workflow = service.save(draft([httpStep('slow', `${server.url}/slow`)]))

    const { runId } = await service.run(workflow.id)

    expect(service.getRun(runId).status).toBe('running')
    release()
    await service.idle()
    expect(service.getRun(runId).status).toBe('succeeded')
  })

  it('lets a step read an earlier step JSON through an expression', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    const server = await startLoopback((request) =>
      request.url === '/user'
        ? { body: JSON.stringify({ id: 42, name: 'Ada', tags: ['x', 'y'] }) }
        : { body: JSON.stringify({ echoed: request.url, body: request.body }) },
    )
    cleanups.push(() => server.close())
    const second = httpStep('greet', `${server.url}/users/{{ steps.user.json.id }}`, {
      method: 'POST',
      body: '{"hello": "{{ steps.user.json.name }}", "tags": {{ steps.user.json.tags }}}',
    })
    const workflow = service.save(draft([httpStep('user', `${server.url}/user`), second]))

    const { runId } = await service.run(workflow.id)
    await service.idle()

    const run = service.getRun(runId)
    expect(run.status).toBe('succeeded')
    expect(server.seen[1]?.url).toBe('/users/42')
    expect(JSON.parse(server.seen[1]?.body ?? '')).toEqual({ hello: 'Ada', tags: ['x', 'y'] })
    expect(server.seen[1]?.headers['content-type']).toBe('application/json')
  })

  it('fails the step clearly when an expression fails, and skips the rest', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    const server = await startLoopback(() => ({ body: '{"id": 1}' }))
    cleanups.push(() => server.close())
    const workflow = service.save(
      draft([
        httpStep('a', `${server.url}/a`),
        httpStep('b', `${server.url}/b/{{ steps.a.json.missing }}`),
        httpStep('c', `${server.url}/c`),
      ]),
    )

    const { runId } = await service.run(workflow.id)
    await service.idle()

    const run = service.getRun(runId)
    expect(run.status).toBe('failed')
    expect(run.error?.code).toBe('EXPRESSION_FAILED')
    expect(run.steps[1]?.error?.message).toBe(
      'steps[1].params.url: {{ steps.a.json.missing }} gave no value',
    )
    expect(run.steps.map((step) => step.status)).toEqual(['succeeded', 'failed', 'skipped'])
    expect(server.seen).toHaveLength(1)
  })

  it('fails the step when a URL from an expression is not a full http(s) URL', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    const workflow = service.save(draft([httpStep('a', '{{ "ht!tp:/nope" }}')]))

    const { runId } = await service.run(workflow.id)
    await service.idle()

    const run = service.getRun(runId)
    expect(run.status).toBe('failed')
    expect(run.steps[0]?.error).toEqual({
      code: 'STEP_FAILED',
      message:
        'steps[0].params.url: "ht!tp:/nope" must be a full URL such as https://example.com/path',
    })
  })

  it('fails the run when a step gets an error status, and records the response', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    const server = await startLoopback(() => ({ status: 500, body: 'boom' }))
    cleanups.push(() => server.close())
    const workflow = service.save(draft([httpStep('a', `${server.url}/a`)]))

    const { runId } = await service.run(workflow.id)
    await service.idle()

    const run = service.getRun(runId)
    expect(run.status).toBe('failed')
    expect(run.error?.code).toBe('STEP_FAILED')
    expect(run.steps[0]?.output).toMatchObject({ status: 500, body: 'boom', truncated: false })
  })

  it('cuts a large body in history and marks it truncated', async () => {
    const { service } = openService(data.dir)
    cleanups.push(() => service.close())
    const server = await startLoopback(() => ({ body: 'x'.repeat(300 * 1024) }))
    cleanups.push(() => server.close())
    const workflow = service.save(draft([httpStep('big', `${server.url}/big`)]))

    const { runId } = await service.run(workflow.id)
    await service.idle()

    const output = service.getRun(runId).steps[0]?.output
    expect(output?.truncated).toBe(true)
    expect(output?.body.length).toBe(256 * 1024)
  })

  it('keeps run history across a restart and reports changes while running', async () => {
    const first = openService(data.dir)
    const server = await startLoopback(() => ({}))
    cleanups.push(() => server.close())
    const changes: RunSummary[] = []
    first.service.onRunChanged((run) => changes.push(run))
    const workflow = first.service.save(draft([httpStep('a', `${server.url}/a`)]))
    const { runId } = await first.service.run(workflow.id)
    await first.service.idle()
    await first.service.close()

    const second = openService(data.dir)
    cleanups.push(() => second.service.close())

    expect(second.service.list().map((saved) => saved.id)).toEqual([workflow.id])
    expect(second.service.listRuns({ workflowId: workflow.id })[0]).toMatchObject({
      id: runId,
      status: 'succeeded',
    })
    expect(changes[0]?.status).toBe('running')
    expect(changes.at(-1)?.status).toBe('succeeded')
  })

  it('ends a run in progress as interrupted when the service closes', async () => {
    const { service } = openService(data.dir)
    const server = await startLoopback(() => new Promise(() => {}))
    cleanups.push(() => server.close())
    const workflow = service.save(draft([httpStep('hang', `${server.url}/hang`)]))
    const { runId } = await service.run(workflow.id)
    await until(() => server.seen.length === 1)

    await service.close()

    const reopened = openService(data.dir)
    cleanups.push(() => reopened.service.close())
    const run = reopened.service.getRun(runId)
    expect(run.status).toBe('interrupted')
    expect(run.error?.message).toBe('The app stopped while this run was in progress.')
    expect(run.steps[0]?.status).toBe('failed')
  })
})

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}
