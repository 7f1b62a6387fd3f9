import { z } from 'zod'
import { WORKFLOW_SCHEMA_VERSION } from './workflow-version'

export { WORKFLOW_SCHEMA_VERSION }

export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])
export type HttpMethod = z.infer<typeof HttpMethod>

/** Names JavaScript gives meaning to on every object; as keys they would reach the prototype. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype'])

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"')
  .refine((value) => !RESERVED_IDS.has(value), 'is a reserved name; choose another id')

/** A header value as HTTP allows it (RFC 9110 section 5.5): no line breaks, no NUL. */
const headerValue = z
  .string()
  .max(8192)
  .refine((value) => !/[\r\n]/.test(value), 'must not contain line breaks')
  .refine((value) => !value.includes('\0'), 'must not contain NUL characters')

/** An HTTP request step: auth comes from the chosen connection, never from the step. */
export const HttpRequestStep = z.object({
  id,
  name: z.string().trim().min(1, 'give the step a name').max(80),
  type: z.literal('http.request'),
  connectionId: id.nullable(),
  params: z.object({
    method: HttpMethod,
    url: z.string().trim().min(1, 'enter a URL').max(8192),
    headers: z.record(z.string(), headerValue).default({}),
    body: z.string().max(1_000_000).nullable().default(null),
  }),
})
export type HttpRequestStep = z.infer<typeof HttpRequestStep>

export const WorkflowStep = z.discriminatedUnion('type', [HttpRequestStep])
export type WorkflowStep = z.infer<typeof WorkflowStep>

export const WorkflowTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
])
export type WorkflowTrigger = z.infer<typeof WorkflowTrigger>

/** A workflow document: a trigger and the steps it runs, in order. */
export const Workflow = z.object({
  schemaVersion: z.literal(WORKFLOW_SCHEMA_VERSION),
  id,
  name: z.string().trim().min(1, 'give the workflow a name').max(120),
  trigger: WorkflowTrigger,
  steps: z.array(WorkflowStep).max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Workflow = z.infer<typeof Workflow>

/** What the renderer sends to save: the main side stamps the id and the times. */
export const WorkflowDraft = Workflow.omit({ createdAt: true, updatedAt: true, id: true }).extend({
  id: id.optional(),
})
export type WorkflowDraft = z.input<typeof WorkflowDraft>

export const RunStatus = z.enum(['running', 'waiting', 'succeeded', 'failed', 'interrupted'])
export type RunStatus = z.infer<typeof RunStatus>

export const StepStatus = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped'])
export type StepStatus = z.infer<typeof StepStatus>

/** An error as history keeps it: a stable code and a message a person can act on. */
export const RecordedError = z.object({ code: z.string(), message: z.string() })

/** The response an HTTP step got, as history keeps it (auth headers never included). */
export const HttpResponseRecord = z.object({
  status: z.number().int(),
  statusText: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  /** True when the body was cut to the history size limit. */
  truncated: z.boolean(),
})
export type HttpResponseRecord = z.infer<typeof HttpResponseRecord>

/** One line of a step's log, as history keeps it (never a credential). */
export const StepLogEntry = z.object({
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
})
export type StepLogEntry = z.infer<typeof StepLogEntry>

export const StepRunView = z.object({
  stepId: z.string(),
  name: z.string(),
  type: z.string(),
  status: StepStatus,
  attempts: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The request as sent, with credentials redacted. */
  input: z.unknown().nullable(),
  output: HttpResponseRecord.nullable(),
  error: RecordedError.nullable(),
  /** What happened along the way: waits for the network, redirects, refreshes; oldest first. */
  logs: z.array(StepLogEntry),
})
export type StepRunView = z.infer<typeof StepRunView>

export const RunSummary = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  status: RunStatus,
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: RecordedError.nullable(),
})
export type RunSummary = z.infer<typeof RunSummary>

export const RunDetail = RunSummary.extend({ steps: z.array(StepRunView) })
export type RunDetail = z.infer<typeof RunDetail>
