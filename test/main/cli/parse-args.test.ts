import { describe, expect, test } from 'vitest'
import { parseCliArgs } from '../../../src/main/cli/parse-args'

const invocation = (args: string[]) => {
  const parsed = parseCliArgs(args)
  if (!parsed.ok) throw new Error(`expected a valid command line, got: ${parsed.message}`)
  return parsed.invocation
}

const problem = (args: string[]) => {
  const parsed = parseCliArgs(args)
  if (parsed.ok) throw new Error(`expected a usage error for ${JSON.stringify(args)}`)
  return parsed.message
}

describe('parseCliArgs', () => {
  test('reads each command with its argument', () => {
    expect(invocation(['list']).command).toEqual({ kind: 'list' })
    expect(invocation(['run', 'My workflow']).command).toEqual({
      kind: 'run',
      workflow: 'My workflow',
    })
    expect(invocation(['runs']).command).toEqual({ kind: 'runs', workflow: null })
    expect(invocation(['runs', 'wf-1']).command).toEqual({ kind: 'runs', workflow: 'wf-1' })
  })

  test('treats help, --help and -h the same, whatever else is on the line', () => {
    for (const args of [['help'], ['--help'], ['-h'], ['run', 'x', '--help'], ['frob', '-h']]) {
      expect(invocation(args).command).toEqual({ kind: 'help' })
    }
  })

  test('reads --json and --verbose before or after the command', () => {
    expect(invocation(['--json', 'list'])).toMatchObject({ json: true, verbose: false })
    expect(invocation(['run', 'x', '-v'])).toMatchObject({ json: false, verbose: true })
    expect(invocation(['run', 'x'])).toMatchObject({ json: false, verbose: false })
  })

  test('takes a workflow name that starts with a dash after --', () => {
    expect(invocation(['run', '--', '-odd name']).command).toEqual({
      kind: 'run',
      workflow: '-odd name',
    })
  })

  test('says what is wrong with a command line it cannot use', () => {
    expect(problem([])).toMatch(/list, run, runs or help/)
    expect(problem(['frob'])).toMatch(/"frob" is not an allv command/)
    expect(problem(['run'])).toMatch(/which workflow/)
    expect(problem(['run', 'My', 'workflow'])).toContain('allv run "My workflow"')
    expect(problem(['list', 'extra'])).toMatch(/takes no arguments/)
    expect(problem(['list', '--colour'])).toMatch(/--colour/)
  })
})
