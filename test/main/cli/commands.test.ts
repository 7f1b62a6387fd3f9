import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { RunDetail } from '../../../src/shared/workflows'
import {
  draft,
  httpStep,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from '../workflows/workflow-test-kit'
import { allv, memorySecrets, saveWorkflows, withServices } from './cli-fixture'

const CANARY_KEY = 'canary-key-6f1d2a9b'

let server: LoopbackServer
let requestHeld: () => void = () => {}
let data: ReturnType<typeof tempDataDir>
let secrets: ReturnType<typeof memorySecrets>

beforeAll(async () => {
  server = await startLoopback(async (request) => {
    if (request.url === '/broken') return { status: 500, body: '{"error":"boom"}' }
    if (request.url === '/held') {
      requestHeld()
      // Never answered: the test interrupts the run while this request is in flight.
      return new Promise(() => {})
    }
    return { status: 200, body: '{"ok":true}' }
  })
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  data = tempDataDir()
  secrets = memorySecrets()
})
afterEach(() => {
  data.remove()
})

const run = (args: string[], signal?: AbortSignal) =>
  allv(args, { dataDir: data.dir, secrets, signal })

describe('allv list', () => {
  test('shows each saved workflow with its id, name and step count', async () => {
    const [first, second] = await saveWorkflows(data.dir, secrets, [
      draft([httpStep('a', `${server.url}/ok`), httpStep('b', `${server.url}/ok`)], 'Morning'),
      draft([httpStep('c', `${server.url}/ok`)], 'Evening report'),
    ])

    const result = await run(['list'])

    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STEPS$/)
    expect(lines[1]).toMatch(new RegExp(`^${first?.id}\\s+Morning\\s+2$`))
    expect(lines[2]).toMatch(new RegExp(`^${second?.id}\\s+Evening report\\s+1$`))
    expect(result.stderr).toBe('')
  })

  test('says there is nothing yet when no workflow is saved', async () => {
    const result = await run(['list'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/No saved workflows yet/)
  })
})

describe('allv run', () => {
  test('runs a workflow by name, prints each step and exits 0 when it succeeds', async () => {
    await saveWorkflows(data.dir, secrets, [
      draft([{ ...httpStep('fetch', `${server.url}/ok`), name: 'Fetch status' }], 'Daily check'),
    ])

    const result = await run(['run', 'Daily check'])

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Running "Daily check" \(1 step\)/)
    expect(result.stdout).toMatch(/succeeded\s+Fetch status\s+HTTP 200\s+\d+(\.\d)? m?s/)
    expect(result.stdout).toMatch(/Run succeeded in /)
    expect(result.stderr).toBe('')
    expect(result.logLines.some((line) => line.includes('"step finished"'))).toBe(true)
  })

  test('exits 1 and shows the server answer when a step fails', async () => {
    const [workflow] = await saveWorkflows(data.dir, secrets, [
      draft([httpStep('one', `${server.url}/broken`), httpStep('two', `${server.url}/ok`)]),
    ])

    const result = await run(['run', workflow?.id ?? ''])

    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/failed\s+Step one\s+HTTP 500/)
    expect(result.stdout).toMatch(/answered 500/)
    expect(result.stdout).toMatch(/skipped\s+Step two/)
    expect(result.stdout).toMatch(/Run failed in /)
  })

  test('exits 2 and names the saved workflows when none matches', async () => {
    await saveWorkflows(data.dir, secrets, [draft([httpStep('a', `${server.url}/ok`)], 'Alpha')])

    const result = await run(['run', 'alpha'])

    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('No saved workflow has the id or name "alpha"')
    expect(result.stderr).toContain('"Alpha"')
    expect(result.stderr).toContain('allv list')
    expect(await withServices(data.dir, secrets, (s) => s.workflows.listRuns({}))).toEqual([])
  })

  test('refuses a name two workflows share and lists their ids', async () => {
    const twins = await saveWorkflows(data.dir, secrets, [
      draft([httpStep('a', `${server.url}/ok`)], 'Twin'),
      draft([httpStep('b', `${server.url}/ok`)], 'Twin'),
    ])

    const result = await run(['run', 'Twin'])

    expect(result.code).toBe(2)
    for (const twin of twins) expect(result.stderr).toContain(twin.id)
  })

  test('prints only the finished run as a RunDetail with --json', async () => {
    await saveWorkflows(data.dir, secrets, [draft([httpStep('a', `${server.url}/ok`)], 'Json')])

    const result = await run(['run', 'Json', '--json'])

    expect(result.code).toBe(0)
    const detail = RunDetail.parse(JSON.parse(result.stdout))
    expect(detail).toMatchObject({ workflowName: 'Json', status: 'succeeded' })
    expect(detail.steps[0]).toMatchObject({ stepId: 'a', status: 'succeeded' })
    expect(detail.steps[0]?.output?.status).toBe(200)
  })

  test('ends the run as interrupted and exits 1 when stopped with Ctrl-C', async () => {
    await saveWorkflows(data.dir, secrets, [draft([httpStep('a', `${server.url}/held`)], 'Slow')])
    const stop = new AbortController()
    const held = new Promise<void>((resolve) => (requestHeld = resolve))

    const running = run(['run', 'Slow'], stop.signal)
    await held
    stop.abort()
    const result = await running

    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/failed\s+Step a/)
    expect(result.stdout).toMatch(/Run interrupted/)
    const runs = await withServices(data.dir, secrets, (s) => s.workflows.listRuns({}))
    expect(runs.map((summary) => summary.status)).toEqual(['interrupted'])
  })

  test('sends the key from the keychain and never prints it', async () => {
    const connection = await connectApiKey()
    await saveWorkflows(data.dir, secrets, [
      draft([httpStep('a', `${server.url}/ok`, { connectionId: connection })], 'Keyed'),
    ])

    const text = await run(['run', 'Keyed'])
    const json = await run(['run', 'Keyed', '--json', '--verbose'])

    expect([text.code, json.code]).toEqual([0, 0])
    expect(server.seen.at(-1)?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`)
    for (const result of [text, json]) {
      const everything = [result.stdout, result.stderr, ...result.logLines].join('\n')
      expect(everything).not.toContain(CANARY_KEY)
    }
  })

  test('says the keychain is unreachable when a step needs a connection', async () => {
    const connection = await connectApiKey()
    await saveWorkflows(data.dir, secrets, [
      draft([httpStep('a', `${server.url}/ok`, { connectionId: connection })], 'Locked'),
    ])
    secrets.lock()

    const result = await run(['run', 'Locked'])

    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/No keychain is reachable/)
    expect(result.stderr).toMatch(/keychain is often locked or missing/)
  })
})

describe('allv runs', () => {
  test('lists recent runs of one workflow, newest first, with status and start time', async () => {
    await saveWorkflows(data.dir, secrets, [
      draft([httpStep('a', `${server.url}/ok`)], 'Good'),
      draft([httpStep('b', `${server.url}/broken`)], 'Bad'),
    ])
    await run(['run', 'Good'])
    await run(['run', 'Bad'])
    await run(['run', 'Good'])

    const all = await run(['runs'])
    const good = await run(['runs', 'Good'])

    expect(all.code).toBe(0)
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(4)
    const lines = good.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^STARTED\s+STATUS\s+WORKFLOW\s+RUN$/)
    expect(lines.slice(1)).toHaveLength(2)
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+succeeded\s+Good\s+[0-9a-f-]{36}$/)
    }
  })

  test('exits 2 for a workflow that does not exist', async () => {
    const result = await run(['runs', 'Nothing'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/no saved workflows yet/)
  })
})

describe('allv help and usage errors', () => {
  test('prints the commands and the data folder in use', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/allv run <workflow>/)
    expect(result.stdout).toContain(`Data folder: ${data.dir}`)
  })

  test('exits 2 for an unknown command and points to help', async () => {
    const result = await run(['frob'])
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toMatch(/Run "allv help"/)
  })
})

async function connectApiKey(): Promise<string> {
  const settings = {
    headerName: 'Authorization',
    prefix: 'Bearer ',
    baseUrl: server.url,
    testUrl: `${server.url}/ok`,
  }
  const view = await withServices(data.dir, secrets, (services) =>
    services.connections.connectApiKey({ providerId: 'apikey', apiKey: CANARY_KEY, settings }),
  )
  return view.id
}
