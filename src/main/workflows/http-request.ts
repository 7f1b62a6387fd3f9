import type { HttpMethod, HttpRequestStep } from '../../shared/workflows'
import { AllvError, isAllvError } from '../platform/errors'
import type { RequestCredentials } from '../services'
import { renderTemplate, type ExpressionContext } from './expressions'
import type { Redactor } from './redaction'
import { resolveStepUrl } from './step-url'

/** A step's parameters with every `{{ … }}` resolved, before credentials are added. */
export interface RenderedParams {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body: string | null
}

/** A request ready for fetch, credentials included; never recorded as it is. */
export interface PreparedRequest {
  method: HttpMethod
  url: URL
  headers: Record<string, string>
  body: string | null
}

/** The request as history keeps it, with credentials replaced by `[redacted]`. */
export interface RecordedRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body: string | null
}

/** Resolves the expressions of a step's URL, headers and body; faults name the parameter. */
export async function renderParams(
  step: HttpRequestStep,
  at: string,
  context: ExpressionContext,
): Promise<RenderedParams> {
  const { method, url, headers, body } = step.params
  const render = async (path: string, template: string) => {
    try {
      return await renderTemplate(template, context)
    } catch (error) {
      if (!isAllvError(error, 'EXPRESSION_FAILED')) throw error
      throw new AllvError('EXPRESSION_FAILED', `${at}.${path}: ${error.message}`, { cause: error })
    }
  }

  const rendered: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(headers)) {
    const path = `params.headers.${name}`
    rendered[name] = await render(path, value)
    // An expression can bring in a line break the saved template did not have.
    if (/[\r\n\0]/.test(rendered[name])) {
      throw new AllvError(
        'STEP_FAILED',
        `${at}.${path}: the value must not contain line breaks or NUL characters`,
      )
    }
  }
  return {
    method,
    url: await render('params.url', url),
    headers: rendered,
    body: body === null ? null : await render('params.body', body),
  }
}

/** Adds the connection's headers (they win over the step's) and resolves the URL. */
export function prepareRequest(
  params: RenderedParams,
  credentials: RequestCredentials | null,
  at: string,
  redactor: Redactor,
): PreparedRequest {
  const resolved = resolveStepUrl(params.url, credentials?.baseUrl ?? null)
  if ('problem' in resolved) {
    throw new AllvError(
      'STEP_FAILED',
      `${at}.params.url: "${redactor.text(params.url)}" ${resolved.problem}`,
    )
  }

  const fromConnection = credentials?.headers ?? {}
  const taken = new Set(Object.keys(fromConnection).map((name) => name.toLowerCase()))
  const headers: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(params.headers)) {
    if (!taken.has(name.toLowerCase())) headers[name] = value
  }
  Object.assign(headers, fromConnection)
  if (params.body !== null && !hasHeader(headers, 'content-type') && looksLikeJson(params.body)) {
    headers['Content-Type'] = 'application/json'
  }
  return { method: params.method, url: resolved.url, headers, body: params.body }
}

/** What history records of a request: no credential survives it. */
export function recordRequest(request: PreparedRequest, redactor: Redactor): RecordedRequest {
  return {
    method: request.method,
    url: redactor.text(request.url.href),
    headers: redactor.headers(request.headers),
    body: request.body === null ? null : redactor.text(request.body),
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name)
}

function looksLikeJson(body: string): boolean {
  const start = body.trimStart()[0]
  if (start !== '{' && start !== '[') return false
  try {
    JSON.parse(body)
    return true
  } catch {
    return false
  }
}
