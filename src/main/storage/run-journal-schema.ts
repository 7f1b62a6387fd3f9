import type { Database } from 'better-sqlite3'
import { AllvError } from '../platform/errors'

/**
 * Schema migrations of the run journal, in order; `PRAGMA user_version` records how many ran.
 * Append only: a released migration is never edited, a change is a new entry.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    workflow_name TEXT NOT NULL,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    error_code TEXT,
    error_message TEXT
  );
  CREATE INDEX runs_by_start ON runs (started_at DESC);
  CREATE INDEX runs_by_workflow ON runs (workflow_id, started_at DESC);
  CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('running', 'waiting');

  CREATE TABLE step_runs (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    started_at TEXT,
    finished_at TEXT,
    input_json TEXT,
    output_json TEXT,
    error_code TEXT,
    error_message TEXT,
    logs_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (run_id, position)
  );
  `,
  // Which process runs a run, so that opening the journal from a second process (the command
  // line while the app runs) does not take the other's live runs for crashed ones.
  `ALTER TABLE runs ADD COLUMN owner_pid INTEGER;`,
]

/** The message history shows for a run that was cut short by a crash, kill or quit. */
export const INTERRUPTED_MESSAGE = 'The app stopped while this run was in progress.'

/** Brings the journal's schema up to date, one transaction per migration. */
export function migrateJournal(db: Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number
  if (applied > migrations.length) {
    throw new AllvError(
      'STORAGE_UNREADABLE',
      'The run history was written by a newer version of allv; update the app to read it.',
    )
  }
  migrations.slice(applied).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${applied + offset + 1}`)
    })()
  })
}

/**
 * Marks runs that a previous process left running or waiting as interrupted, and their step in
 * progress as failed, so history never shows a run as fine when nobody finished it. Steps not
 * yet started stay pending: they never ran. Returns how many runs were marked.
 *
 * A run whose owner process is still alive is left alone: the app and the command line may share
 * the journal. A process id reused by an unrelated program after a reboot keeps such a run shown
 * as running until that program ends and the journal is opened again.
 */
export function interruptUnfinishedRuns(
  db: Database,
  finishedAt: string,
  isOwnerAlive: (pid: number) => boolean = isOtherProcessAlive,
): number {
  db.function('allv_owner_alive', { deterministic: false }, (pid: unknown) =>
    typeof pid === 'number' && isOwnerAlive(pid) ? 1 : 0,
  )
  const orphaned = `status IN ('running', 'waiting') AND NOT allv_owner_alive(owner_pid)`
  return db.transaction(() => {
    db.prepare(
      `UPDATE step_runs SET status = 'failed', finished_at = ?, error_code = 'RUN_INTERRUPTED',
         error_message = ?
       WHERE status = 'running' AND run_id IN (SELECT id FROM runs WHERE ${orphaned})`,
    ).run(finishedAt, INTERRUPTED_MESSAGE)
    return db
      .prepare(
        `UPDATE runs SET status = 'interrupted', finished_at = ?, error_code = 'RUN_INTERRUPTED',
           error_message = ?
         WHERE ${orphaned}`,
      )
      .run(finishedAt, INTERRUPTED_MESSAGE).changes
  })()
}

// This process's own unfinished runs can only be left over from an earlier, closed journal.
function isOtherProcessAlive(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
