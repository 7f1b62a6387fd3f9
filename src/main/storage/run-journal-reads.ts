import type { Database, Statement } from 'better-sqlite3'
import {
  HttpResponseRecord,
  StepLogEntry,
  type RunDetail,
  type RunStatus,
  type RunSummary,
  type StepRunView,
  type StepStatus,
} from '../../shared/workflows'

interface RunRow {
  id: string
  workflow_id: string
  workflow_name: string
  trigger: string
  status: RunStatus
  started_at: string
  finished_at: string | null
  error_code: string | null
  error_message: string | null
}

interface StepRow {
  step_id: string
  name: string
  type: string
  status: StepStatus
  attempts: number
  started_at: string | null
  finished_at: string | null
  input_json: string | null
  output_json: string | null
  error_code: string | null
  error_message: string | null
  logs_json: string
}

/** How many runs a listing returns when the caller does not say. */
export const DEFAULT_RUN_LIST_LIMIT = 200

/** The prepared read queries of the journal, turned into the shapes the UI receives. */
export interface JournalReads {
  listRuns(filter: { workflowId?: string; limit?: number }): RunSummary[]
  getRunSummary(runId: string): RunSummary | null
  getRun(runId: string): RunDetail | null
  stepLogs(runId: string, position: number): StepLogEntry[]
}

/** Prepares the read side of the journal once, for a connection that stays open. */
export function prepareJournalReads(db: Database): JournalReads {
  const runById = db.prepare('SELECT * FROM runs WHERE id = ?') as Statement<[string], RunRow>
  const recentRuns = db.prepare(
    'SELECT * FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?',
  ) as Statement<[number], RunRow>
  const recentRunsOf = db.prepare(
    'SELECT * FROM runs WHERE workflow_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?',
  ) as Statement<[string, number], RunRow>
  const stepsOf = db.prepare(
    'SELECT * FROM step_runs WHERE run_id = ? ORDER BY position',
  ) as Statement<[string], StepRow>
  const logsOf = db.prepare(
    'SELECT logs_json, started_at FROM step_runs WHERE run_id = ? AND position = ?',
  ) as Statement<[string, number], Pick<StepRow, 'logs_json' | 'started_at'>>

  return {
    listRuns: ({ workflowId, limit = DEFAULT_RUN_LIST_LIMIT }) => {
      const rows =
        workflowId === undefined ? recentRuns.all(limit) : recentRunsOf.all(workflowId, limit)
      return rows.map(toSummary)
    },
    getRunSummary: (runId) => {
      const row = runById.get(runId)
      return row === undefined ? null : toSummary(row)
    },
    getRun: (runId) => {
      const row = runById.get(runId)
      if (row === undefined) return null
      return { ...toSummary(row), steps: stepsOf.all(runId).map(toStepView) }
    },
    stepLogs: (runId, position) => {
      const row = logsOf.get(runId, position)
      return row === undefined ? [] : logEntries(row)
    },
  }
}

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    status: row.status,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: recordedError(row),
  }
}

function toStepView(row: StepRow): StepRunView {
  // A row written by a newer build may hold an output shape this one does not know.
  const output = row.output_json === null ? null : JSON.parse(row.output_json)
  const parsedOutput = HttpResponseRecord.safeParse(output)
  return {
    stepId: row.step_id,
    name: row.name,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    input: row.input_json === null ? null : JSON.parse(row.input_json),
    output: parsedOutput.success ? parsedOutput.data : null,
    error: recordedError(row),
    logs: logEntries(row),
  }
}

/** A step's log lines; early builds kept bare strings, which read as info at the step start. */
function logEntries(row: Pick<StepRow, 'logs_json' | 'started_at'>): StepLogEntry[] {
  const lines: unknown = JSON.parse(row.logs_json)
  if (!Array.isArray(lines)) return []
  return lines.flatMap((line: unknown) => {
    if (typeof line === 'string') {
      return [{ at: row.started_at ?? '', level: 'info' as const, message: line }]
    }
    const parsed = StepLogEntry.safeParse(line)
    return parsed.success ? [parsed.data] : []
  })
}

function recordedError(row: { error_code: string | null; error_message: string | null }) {
  if (row.error_code === null) return null
  return { code: row.error_code, message: row.error_message ?? '' }
}
