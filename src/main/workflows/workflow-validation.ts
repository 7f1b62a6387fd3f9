import type { z } from 'zod'
import { Workflow, WorkflowDraft, type WorkflowStep } from '../../shared/workflows'
import { AllvError, isAllvError } from '../platform/errors'
import { describeFirstIssue } from '../../shared/schema-issues'
import { checkTemplate } from './expressions'
import { checkStepUrl } from './step-url'

/** RFC 9110 section 5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** A draft that passed every check, with the schema's defaults filled in. */
export type ValidDraft = z.output<typeof WorkflowDraft>

/** Checks a draft from the renderer or an import; throws WORKFLOW_INVALID at the first fault. */
export function validateWorkflowDraft(input: unknown): ValidDraft {
  const parsed = WorkflowDraft.safeParse(input)
  if (!parsed.success) throw invalid(describeFirstIssue(parsed.error))
  checkSteps(parsed.data.steps)
  return parsed.data
}

/** Checks a stored or imported complete document the same way a draft is checked. */
export function validateWorkflow(input: unknown): Workflow {
  const parsed = Workflow.safeParse(input)
  if (!parsed.success) throw invalid(describeFirstIssue(parsed.error))
  checkSteps(parsed.data.steps)
  return parsed.data
}

/** The checks a schema cannot express: unique step ids, usable URLs, expressions that parse. */
function checkSteps(steps: readonly WorkflowStep[]): void {
  const seen = new Set<string>()
  steps.forEach((step, index) => {
    const at = `steps[${index}]`
    if (seen.has(step.id)) throw invalid(`${at}.id: "${step.id}" is used by an earlier step`)
    seen.add(step.id)

    const { url, headers, body } = step.params
    const urlProblem = withExpressionErrors(`${at}.params.url`, () => {
      checkTemplate(url)
      return checkStepUrl(url, step.connectionId !== null)
    })
    if (urlProblem !== null) throw invalid(`${at}.params.url: ${urlProblem}`)

    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) {
        throw invalid(`${at}.params.headers: "${name}" is not a valid HTTP header name`)
      }
      withExpressionErrors(`${at}.params.headers.${name}`, () => checkTemplate(value))
    }
    if (body !== null) withExpressionErrors(`${at}.params.body`, () => checkTemplate(body))
  })
}

function withExpressionErrors<T>(path: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (isAllvError(error, 'EXPRESSION_FAILED')) throw invalid(`${path}: ${error.message}`)
    throw error
  }
}

function invalid(message: string): AllvError {
  return new AllvError('WORKFLOW_INVALID', message)
}
