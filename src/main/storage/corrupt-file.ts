import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { AllvError } from '../platform/errors'

/** What happened when a store file could not be read: where the old file went, and why. */
export interface StoreRecovery {
  /** The file as it was found, moved aside untouched. */
  movedTo: string
  /** Why it could not be used, e.g. `invalid JSON` or `workflows[0].name: give the workflow…`. */
  reason: string
  /** A sentence the UI can show as is. */
  message: string
}

/** A timestamp safe in a file name on every platform (no colons, no dots). */
export function fileTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:.]/g, '-')
}

/**
 * Moves an unreadable file to `<name>.corrupt-<timestamp><ext>` next to it, so that starting
 * over from defaults never destroys what a person may still want back.
 */
export function moveCorruptFileAside(path: string, epochMs: number, reason: string): StoreRecovery {
  const ext = extname(path)
  const stem = basename(path, ext)
  const stamp = fileTimestamp(epochMs)
  let movedTo = join(dirname(path), `${stem}.corrupt-${stamp}${ext}`)
  for (let n = 2; existsSync(movedTo); n += 1) {
    movedTo = join(dirname(path), `${stem}.corrupt-${stamp}-${n}${ext}`)
  }

  try {
    renameSync(path, movedTo)
  } catch (error) {
    // Without the copy kept aside, starting from defaults would overwrite the person's data.
    throw new AllvError(
      'STORAGE_UNREADABLE',
      `${basename(path)} could not be read (${reason}) and could not be moved aside; ` +
        'fix or remove it by hand, then start the app again.',
      { cause: error },
    )
  }

  return {
    movedTo,
    reason,
    message:
      `${basename(path)} could not be read (${reason}). It was kept as ${basename(movedTo)} ` +
      'and the app started from an empty one.',
  }
}
