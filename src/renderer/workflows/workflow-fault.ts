import type { EditorDraft } from './editor-draft'

/** A field of an HTTP request step that main's validation can name. */
export type StepField = 'name' | 'connectionId' | 'method' | 'url' | 'headers' | 'body'

/** Which control of a header row a fault is about. */
export type HeaderPart = 'name' | 'value'

/** The place a WORKFLOW_INVALID message points at, read from the path it starts with. */
export type FaultTarget =
  | { kind: 'workflowName' }
  | { kind: 'step'; stepIndex: number; field: StepField | null; header: HeaderFault | null }
  | { kind: 'unplaced' }

/** A header row a fault names, by the header's name as the editor sends it (trimmed). */
export interface HeaderFault {
  name: string
  part: HeaderPart
}

/** A refusal from main, split into where it points, the path as main wrote it, and the words. */
export interface WorkflowFault {
  target: FaultTarget
  /** `steps[0].params.url`, or null when the message named no path. */
  path: string | null
  /** What is wrong, without the path, starting with a capital: "Enter a URL". */
  text: string
}

const stepFields: Record<string, StepField> = {
  name: 'name',
  connectionId: 'connectionId',
  'params.method': 'method',
  'params.url': 'url',
  'params.headers': 'headers',
  'params.body': 'body',
}

const HEADERS_PREFIX = 'params.headers.'
const BAD_HEADER_NAME = /^"(.*)" is not a valid HTTP header name/

/**
 * Reads a WORKFLOW_INVALID message of the form `path: what is wrong`, where the path is written
 * as `steps[1].params.headers.X-Foo` (the dotted `steps.1.…` is read too). A message whose path
 * names nothing the editor shows is kept whole and placed nowhere.
 */
export function readWorkflowFault(message: string): WorkflowFault {
  const match = /^(\S+): (.+)$/s.exec(message.trim())
  if (!match) return { target: { kind: 'unplaced' }, path: null, text: message }
  const [, path = '', text = ''] = match
  const target = targetOf(path, text)
  if (target.kind === 'unplaced') return { target, path: null, text: message }
  return { target, path, text: capitalize(text) }
}

function targetOf(path: string, text: string): FaultTarget {
  if (path === 'name') return { kind: 'workflowName' }
  const step = /^steps(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$/.exec(path)
  if (!step) return { kind: 'unplaced' }
  const stepIndex = Number(step[1] ?? step[2])
  const rest = step[3] ?? ''

  if (rest.startsWith(HEADERS_PREFIX)) {
    const header = { name: rest.slice(HEADERS_PREFIX.length), part: 'value' as const }
    return { kind: 'step', stepIndex, field: 'headers', header }
  }
  const field = stepFields[rest] ?? null
  const badName = field === 'headers' ? BAD_HEADER_NAME.exec(text) : null
  const header = badName ? { name: badName[1] ?? '', part: 'name' as const } : null
  return { kind: 'step', stepIndex, field, header }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The fault's place in words, for the summary: "Step 2, URL" or "Workflow name". */
export function describeFaultPlace(target: FaultTarget): string | null {
  if (target.kind === 'workflowName') return 'Workflow name'
  if (target.kind === 'unplaced') return null
  const step = `Step ${target.stepIndex + 1}`
  if (target.header?.part === 'value') return `${step}, header “${target.header.name}”`
  return target.field ? `${step}, ${fieldLabels[target.field]}` : step
}

const fieldLabels: Record<StepField, string> = {
  name: 'Step name',
  connectionId: 'Connection',
  method: 'Method',
  url: 'URL',
  headers: 'Headers',
  body: 'Body',
}

/** The fault that concerns one step, or null when it is about something else. */
export function faultOfStep(fault: WorkflowFault | null, stepIndex: number) {
  if (fault?.target.kind !== 'step' || fault.target.stepIndex !== stepIndex) return null
  return { field: fault.target.field, header: fault.target.header, text: fault.text }
}

/** What one step's editor needs to know of a fault in it. */
export type StepFault = NonNullable<ReturnType<typeof faultOfStep>>

/**
 * Whether the part of the workflow a fault is about is as it was when main refused it; once
 * the person edits that part, the message is stale until the next save. Steps are compared by
 * identity: the editor replaces a step's object on every edit and leaves the others alone.
 */
export function faultIsCurrent(
  target: FaultTarget,
  refused: EditorDraft,
  current: EditorDraft,
): boolean {
  if (target.kind === 'workflowName') return refused.name === current.name
  if (target.kind === 'step') {
    return refused.steps[target.stepIndex] === current.steps[target.stepIndex]
  }
  return true
}
