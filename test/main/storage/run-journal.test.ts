import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/platform/logger'
import { openRunJournal, type NewRun } from '../../../src/main/storage/run-journal'
import { tempDataDir } from '../workflows/workflow-test-kit'

const newRun = (id: string, startedAt = '2025-01-01T00:00:00.000Z'): NewRun => ({
  id,
  workflowId: 'wf-1',
  workflowName: 'Sync',
  trigger: 'manual',
  startedAt,
  steps: [
    { stepId: 'a', name: 'First', type: 'http.request' },
    { stepId: 'b', name: 'Second', type: 'http.request' },
  ],
})

describe('run journal', () => {
  let data: ReturnType<typeof tempDataDir>
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(() => data.remove())
  const open = () => openRunJournal({ dataDir: data.dir, logger: silentLogger })

  it('keeps run history when the journal is closed and opened again', () => {
    const journal = open()
    journal.createRun(newRun('run-1'))
    journal.startStep('run-1', 0, '2025-01-01T00:00:01.000Z')
    journal.finishStep('run-1', 0, {
      status: 'succeeded',
      finishedAt: '2025-01-01T00:00:02.000Z',
      attempts: 1,
      input: { method: 'GET', url: 'https://example.com/' },
      output: { status: 200, statusText: 'OK', headers: {}, body: 'hi', truncated: false },
      error: null,
    })
    journal.finishRun('run-1', 'succeeded', '2025-01-01T00:00:03.000Z', null)
    journal.close()

    const reopened = open()
    const run = reopened.getRun('run-1')
    expect(run?.status).toBe('succeeded')
    expect(run?.steps.map((step) => step.status)).toEqual(['succeeded', 'skipped'])
    expect(run?.steps[0]?.output?.body).toBe('hi')
    expect(reopened.listRuns({}).map((summary) => summary.id)).toEqual(['run-1'])
    reopened.close()
  })

  it('shows a run that was in progress during a crash as interrupted, never succeeded', () => {
    const crashed = open()
    crashed.createRun(newRun('run-crash'))
    crashed.startStep('run-crash', 0, '2025-01-01T00:00:01.000Z')
    // No close(): the process "dies" here with the run still running.

    const afterRestart = open()
    const run = afterRestart.getRun('run-crash')

    expect(afterRestart.interruptedOnOpen).toBe(1)
    expect(run?.status).toBe('interrupted')
    expect(run?.error).toEqual({
      code: 'RUN_INTERRUPTED',
      message: 'The app stopped while this run was in progress.',
    })
    expect(run?.steps.map((step) => step.status)).toEqual(['failed', 'pending'])
    afterRestart.close()
    crashed.close()
  })

  it('marks a waiting run interrupted too', () => {
    const crashed = open()
    crashed.createRun(newRun('run-wait'))
    crashed.setRunStatus('run-wait', 'waiting')
    crashed.close()

    const reopened = open()
    expect(reopened.getRun('run-wait')?.status).toBe('interrupted')
    reopened.close()
  })

  it('leaves a run alone while the process that runs it is alive, then interrupts it', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    await once(other, 'spawn')
    const journal = open()
    journal.createRun(newRun('run-elsewhere'))
    journal.close()
    // The run now belongs to the other process, as if the command line had started it.
    const db = new Database(join(data.dir, 'runs.sqlite'))
    db.prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(other.pid, 'run-elsewhere')
    db.close()

    const whileAlive = open()
    expect(whileAlive.interruptedOnOpen).toBe(0)
    expect(whileAlive.getRun('run-elsewhere')?.status).toBe('running')
    whileAlive.close()

    other.kill()
    await once(other, 'exit')
    const afterExit = open()
    expect(afterExit.interruptedOnOpen).toBe(1)
    expect(afterExit.getRun('run-elsewhere')?.status).toBe('interrupted')
    afterExit.close()
  })

  it('uses WAL mode and records its schema version', () => {
    open().close()
    const db = new Database(join(data.dir, 'runs.sqlite'), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    db.close()
  })

  it('lists the newest runs first and filters by workflow', () => {
    const journal = open()
    journal.createRun(newRun('old', '2025-01-01T00:00:00.000Z'))
    journal.createRun({ ...newRun('other', '2025-01-02T00:00:00.000Z'), workflowId: 'wf-2' })
    journal.createRun(newRun('new', '2025-01-03T00:00:00.000Z'))

    expect(journal.listRuns({}).map((run) => run.id)).toEqual(['new', 'other', 'old'])
    expect(journal.listRuns({ workflowId: 'wf-1' }).map((run) => run.id)).toEqual(['new', 'old'])
    journal.close()
  })

  it('keeps step logs in order and shows them in the run detail', () => {
    const journal = open()
    journal.createRun(newRun('run-log'))
    const first = { at: '2025-01-01T00:00:01.000Z', level: 'info' as const, message: 'first line' }
    const second = { at: '2025-01-01T00:00:02.000Z', level: 'warn' as const, message: 'second' }
    journal.appendStepLog('run-log', 0, first)
    journal.appendStepLog('run-log', 0, second)

    expect(journal.stepLogs('run-log', 0)).toEqual([first, second])
    expect(journal.getRun('run-log')?.steps[0]?.logs).toEqual([first, second])
    journal.close()
  })

  it('moves an unreadable database aside and starts a new history', () => {
    writeFileSync(
      join(data.dir, 'runs.sqlite'),
      'this is not a database, just some text '.repeat(50),
    )

    const journal = open()

    expect(journal.recovery?.movedTo).toMatch(/runs\.corrupt-.*\.sqlite$/)
    expect(journal.listRuns({})).toEqual([])
    journal.close()
  })
})
