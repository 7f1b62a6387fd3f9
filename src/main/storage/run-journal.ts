import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { RecordedError, RunStatus, StepLogEntry } from '../../shared/workflows'
import type { z } from 'zod'
import { systemClock, type Clock } from '../platform/clock'
import type { Logger } from '../platform/logger'
import { moveCorruptFileAside, type StoreRecovery } from './corrupt-file'
import { prepareJournalReads, type JournalReads } from './run-journal-reads'
import { interruptUnfinishedRuns, migrateJournal } from './run-journal-schema'

type ErrorRecord = z.infer<typeof RecordedError>

/** A run as it is first written: its steps start out pending, in the order they will run. */
export interface NewRun {
  id: string
  workflowId: string
  workflowName: string
  trigger: string
  startedAt: string
  steps: { stepId: string; name: string; type: string }[]
}

/** How a step ended, written in one transaction before the next step may start. */
export interface StepResult {
  status: 'succeeded' | 'failed'
  finishedAt: string
  attempts: number
  input: unknown
  output: unknown
  error: ErrorRecord | null
}

/** The durable history of runs: every write is committed before the call returns. */
export interface RunJournal extends JournalReads {
  readonly path: string
  /** How many runs a previous process left unfinished and were marked interrupted on open. */
  readonly interruptedOnOpen: number
  /** Set when an unreadable database was moved aside and a fresh one started. */
  readonly recovery: StoreRecovery | null
  createRun(run: NewRun): void
  setRunStatus(runId: string, status: Extract<RunStatus, 'running' | 'waiting'>): void
  startStep(runId: string, position: number, startedAt: string): void
  setStepAttempts(runId: string, position: number, attempts: number): void
  finishStep(runId: string, position: number, result: StepResult): void
  appendStepLog(runId: string, position: number, entry: StepLogEntry): void
  /**
   * Ends the run. Pending steps become skipped, except in an interrupted run, where the step in
   * progress fails with the run's error and the steps after it stay pending.
   */
  finishRun(
    runId: string,
    status: Exclude<RunStatus, 'running' | 'waiting'>,
    finishedAt: string,
    error: ErrorRecord | null,
  ): void
  close(): void
}

/** Options of `openRunJournal`: the data folder, and the file name inside it. */
export interface OpenRunJournalOptions {
  dataDir: string
  fileName?: string
  clock?: Clock
  logger: Logger
}

/** Opens the run journal (SQLite, WAL), migrates it and marks crashed runs as interrupted. */
export function openRunJournal(options: OpenRunJournalOptions): RunJournal {
  const path = join(options.dataDir, options.fileName ?? 'runs.sqlite')
  const clock = options.clock ?? systemClock
  const { db, recovery } = openDatabase(path, clock, options.logger)
  const interruptedOnOpen = interruptUnfinishedRuns(db, new Date(clock.now()).toISOString())
  if (interruptedOnOpen > 0) {
    options.logger.warn('runs left unfinished by the last session marked interrupted', {
      count: interruptedOnOpen,
    })
  }

  const insertRun = db.prepare(
    `INSERT INTO runs (id, workflow_id, workflow_name, trigger, status, started_at, owner_pid)
     VALUES (?, ?, ?, ?, 'running', ?, ?)`,
  )
  const insertStep = db.prepare(
    `INSERT INTO step_runs (run_id, position, step_id, name, type, status)
     VALUES (?, ?, ?, ?, ?, 'pending')`,
  )
  const updateRunStatus = db.prepare('UPDATE runs SET status = ? WHERE id = ?')
  const updateStepStart = db.prepare(
    `UPDATE step_runs SET status = 'running', started_at = ? WHERE run_id = ? AND position = ?`,
  )
  const updateAttempts = db.prepare(
    'UPDATE step_runs SET attempts = ? WHERE run_id = ? AND position = ?',
  )
  const updateStepEnd = db.prepare(
    `UPDATE step_runs SET status = ?, finished_at = ?, attempts = ?, input_json = ?,
       output_json = ?, error_code = ?, error_message = ?
     WHERE run_id = ? AND position = ?`,
  )
  const appendLog = db.prepare(
    `UPDATE step_runs SET logs_json = json_insert(logs_json, '$[#]', json(?))
     WHERE run_id = ? AND position = ?`,
  )
  const updateRunEnd = db.prepare(
    `UPDATE runs SET status = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?`,
  )
  const interruptRunning = db.prepare(
    `UPDATE step_runs SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?
     WHERE run_id = ? AND status = 'running'`,
  )
  const skipPending = db.prepare(
    `UPDATE step_runs SET status = 'skipped' WHERE run_id = ? AND status = 'pending'`,
  )

  return {
    ...prepareJournalReads(db),
    path,
    interruptedOnOpen,
    recovery,
    createRun: db.transaction((run: NewRun) => {
      insertRun.run(
        run.id,
        run.workflowId,
        run.workflowName,
        run.trigger,
        run.startedAt,
        process.pid,
      )
      run.steps.forEach((step, position) => {
        insertStep.run(run.id, position, step.stepId, step.name, step.type)
      })
    }),
    setRunStatus: (runId, status) => void updateRunStatus.run(status, runId),
    startStep: (runId, position, startedAt) => void updateStepStart.run(startedAt, runId, position),
    setStepAttempts: (runId, position, attempts) =>
      void updateAttempts.run(attempts, runId, position),
    finishStep: (runId, position, result) =>
      void updateStepEnd.run(
        result.status,
        result.finishedAt,
        result.attempts,
        toJson(result.input),
        toJson(result.output),
        result.error?.code ?? null,
        result.error?.message ?? null,
        runId,
        position,
      ),
    appendStepLog: (runId, position, entry) =>
      void appendLog.run(JSON.stringify(entry), runId, position),
    finishRun: db.transaction((runId: string, status, finishedAt: string, error) => {
      updateRunEnd.run(status, finishedAt, error?.code ?? null, error?.message ?? null, runId)
      // An interrupted run could be resumed from its next step, so those stay pending.
      if (status === 'interrupted') {
        interruptRunning.run(finishedAt, error?.code ?? null, error?.message ?? null, runId)
      } else {
        skipPending.run(runId)
      }
    }) as RunJournal['finishRun'],
    close: () => db.close(),
  }
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

function openDatabase(path: string, clock: Clock, logger: Logger) {
  try {
    return { db: prepareDatabase(path), recovery: null }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw error
  }

  // The WAL and shared-memory files belong to the broken database; keep them with it.
  const recovery = moveCorruptFileAside(path, clock.now(), 'not a readable SQLite database')
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) {
      moveCorruptFileAside(path + suffix, clock.now(), 'belongs to the unreadable database')
    }
  }
  logger.warn('run history was unreadable; moved aside and started a new one', {
    file: path,
    movedTo: recovery.movedTo,
  })
  return { db: prepareDatabase(path), recovery }
}

function prepareDatabase(path: string): Database.Database {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    // FULL syncs the WAL on every commit: a step's result survives a power cut, not just a crash.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrateJournal(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
