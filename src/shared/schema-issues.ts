import type { z } from 'zod'

/** Writes a schema path the way a person reads it: `steps[0].params.url`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else text += text === '' ? String(part) : `.${String(part)}`
  }
  return text
}

/** The first fault of a failed parse as `path: message`, or the message alone at the root. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue === undefined) return 'invalid request'
  const where = formatIssuePath(issue.path)
  return where === '' ? issue.message : `${where}: ${issue.message}`
}
