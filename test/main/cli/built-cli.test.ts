import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  draft,
  httpStep,
  startLoopback,
  tempDataDir,
  type LoopbackServer,
} from '../workflows/workflow-test-kit'
import { memorySecrets, saveWorkflows } from './cli-fixture'

const execFileAsync = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const builtCli = join(root, 'out/main/cli.js')
const data = tempDataDir()
const env = { ...process.env, ALLV_DATA_DIR: data.dir }
let server: LoopbackServer
let requestHeld: () => void = () => {}

beforeAll(async () => {
  // `npm test` builds before Vitest starts; a lone `vitest run` builds here instead.
  if (!existsSync(builtCli)) await execFileAsync('npx', ['electron-vite', 'build'], { cwd: root })
  server = await startLoopback(() => {
    requestHeld()
    // Never answered: the test stops the run while this request is in flight.
    return new Promise(() => {})
  })
})
afterAll(async () => {
  await server.close()
  data.remove()
})

const allvBuilt = (args: string[]) =>
  execFileAsync(process.execPath, [builtCli, ...args], { cwd: root, env })

describe('the built command line', () => {
  test('starts with a node shebang so it can be installed as a bin', async () => {
    expect((await readFile(builtCli, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node')
  })

  test('lists the workflows of the folder ALLV_DATA_DIR names, under plain node', async () => {
    const [workflow] = await saveWorkflows(data.dir, memorySecrets(), [
      draft([httpStep('a', 'http://127.0.0.1:9/unused')], 'Built and listed'),
    ])

    const { stdout, stderr } = await allvBuilt(['list'])

    expect(stdout).toMatch(new RegExp(`^${workflow?.id}\\s+Built and listed\\s+1$`, 'm'))
    expect(stderr).toBe('')
  })

  test('exits 2 with a hint for an unknown command', async () => {
    const failure = await allvBuilt(['frob']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(2)
    expect(failure?.stderr).toMatch(/"frob" is not an allv command/)
  })

  test('journals the run as interrupted and exits 1 on Ctrl-C', async () => {
    await saveWorkflows(data.dir, memorySecrets(), [
      draft([httpStep('held', `${server.url}/held`)], 'Held'),
    ])
    const held = new Promise<void>((resolve) => (requestHeld = resolve))
    const child = spawn(process.execPath, [builtCli, 'run', 'Held'], { cwd: root, env })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))

    await held
    child.kill('SIGINT')

    expect(await exited).toBe(1)
    expect(stdout).toMatch(/Run interrupted/)
    const runs = await allvBuilt(['runs', 'Held', '--json'])
    expect(JSON.parse(runs.stdout)).toMatchObject([{ status: 'interrupted' }])
  })
})
