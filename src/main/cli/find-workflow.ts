import type { Workflow } from '../../shared/workflows'
import { printable } from './cli-output'

/** The workflow a command line named, or a sentence saying why none fits and what to do. */
export type FoundWorkflow = { ok: true; workflow: Workflow } | { ok: false; message: string }

/**
 * Finds a saved workflow by its id, else by its exact name. A name two workflows share is
 * refused rather than guessed, since running the wrong one may call real services.
 */
export function findWorkflow(workflows: readonly Workflow[], wanted: string): FoundWorkflow {
  const byId = workflows.find((workflow) => workflow.id === wanted)
  if (byId !== undefined) return { ok: true, workflow: byId }

  const named = workflows.filter((workflow) => workflow.name === wanted)
  if (named.length === 1) return { ok: true, workflow: named[0] as Workflow }
  if (named.length > 1) {
    const ids = named.map((workflow) => workflow.id).join(', ')
    const shared = `${named.length} workflows are named "${printable(wanted)}"`
    return { ok: false, message: `${shared}; name one by its id: ${ids}.` }
  }
  return { ok: false, message: notFoundMessage(workflows, wanted) }
}

function notFoundMessage(workflows: readonly Workflow[], wanted: string): string {
  const head = `No saved workflow has the id or name "${printable(wanted)}".`
  if (workflows.length === 0) {
    return `${head} There are no saved workflows yet; build one in the allv app.`
  }
  const names = workflows.map((workflow) => `"${printable(workflow.name)}"`).join(', ')
  return (
    `${head} Names are matched exactly; the saved workflows are ${names}. ` +
    'Run "allv list" to see their ids.'
  )
}
