import jsonata from 'jsonata'
import { AllvError } from '../platform/errors'
import { guardExpression } from './expression-guards'

/** What an expression sees of one earlier step: the response it got. */
export interface StepData {
  status: number
  headers: Record<string, string>
  body: string
  /** The body parsed as JSON, or null when it is not JSON (or was too large to keep whole). */
  json: unknown
}

/** The document expressions are evaluated against: `steps.<stepId>.json.name`, `trigger.type`. */
export interface ExpressionContext {
  steps: Record<string, StepData>
  trigger: { type: string; firedAt: string }
}

/**
 * Bounds on one evaluation. Expressions come from documents a person may have imported, so
 * they are untrusted: jsonata stops on its own past `timeoutMs` and `maxDepth`, and refuses
 * sequences longer than `maxSequence`; `guardExpression` holds every string, the result
 * included, to `maxResultChars` and all of them together to `maxTotalChars`.
 */
export interface ExpressionLimits {
  timeoutMs: number
  maxDepth: number
  maxSequence: number
  maxResultChars: number
  maxTotalChars: number
}

/** Limits generous for real templates and small enough that a hostile one fails quickly. */
export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  timeoutMs: 1_000,
  maxDepth: 200,
  maxSequence: 100_000,
  maxResultChars: 1_000_000,
  maxTotalChars: 100_000_000,
}

type TemplatePart = { text: string } | { source: string }

/** Splits `a {{ x }} b` into text and expression parts; throws on an unclosed `{{`. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  let cursor = 0
  for (let open = template.indexOf('{{'); open !== -1; open = template.indexOf('{{', cursor)) {
    if (open > cursor) parts.push({ text: template.slice(cursor, open) })
    const close = findClose(template, open + 2)
    if (close === -1) {
      throw new AllvError('EXPRESSION_FAILED', `"{{" at character ${open + 1} is never closed`)
    }
    parts.push({ source: template.slice(open + 2, close).trim() })
    cursor = close + 2
  }
  if (cursor < template.length) parts.push({ text: template.slice(cursor) })
  return parts
}

/** Whether a value holds any `{{ … }}` expression. */
export function hasExpressions(template: string): boolean {
  return template.includes('{{')
}

/** Compiles every expression of a template, so a syntax error is refused at save time. */
export function checkTemplate(template: string): void {
  for (const part of parseTemplate(template)) {
    if ('source' in part) compile(part.source)
  }
}

/** Replaces each `{{ … }}` with its value: strings as they are, anything else as JSON. */
export async function renderTemplate(
  template: string,
  context: ExpressionContext,
  limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS,
): Promise<string> {
  let result = ''
  for (const part of parseTemplate(template)) {
    result += 'text' in part ? part.text : await evaluate(part.source, context, limits)
    if (result.length > limits.maxResultChars) {
      throw new AllvError(
        'EXPRESSION_FAILED',
        `the result is longer than ${limits.maxResultChars} characters`,
      )
    }
  }
  return result
}

async function evaluate(
  source: string,
  context: ExpressionContext,
  limits: ExpressionLimits,
): Promise<string> {
  const expression = compile(source, limits)
  guardExpression(expression, {
    maxStringChars: limits.maxResultChars,
    maxTotalChars: limits.maxTotalChars,
  })
  const failed = (error: unknown) =>
    new AllvError('EXPRESSION_FAILED', `{{ ${source} }} failed: ${describe(error)}`, {
      cause: error,
    })

  let value: unknown
  try {
    value = await expression.evaluate(context)
  } catch (error) {
    throw failed(error)
  }

  // An empty value in a URL or header is almost always a typo in a path, so say so.
  if (value === undefined) {
    throw new AllvError('EXPRESSION_FAILED', `{{ ${source} }} gave no value`)
  }
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value)
  } catch (error) {
    // A large array of large strings is only too long once written out as JSON.
    throw failed(error)
  }
}

function compile(source: string, limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS) {
  if (source === '') throw new AllvError('EXPRESSION_FAILED', '"{{ }}" is empty')
  try {
    return jsonata(source, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence,
    })
  } catch (error) {
    throw new AllvError(
      'EXPRESSION_FAILED',
      `{{ ${source} }} is not a valid JSONata expression: ${describe(error)}`,
      { cause: error },
    )
  }
}

function describe(error: unknown): string {
  // V8 throws this when a built-in such as $join or $replace builds a string past its limit.
  if (error instanceof RangeError && /Invalid string length/.test(error.message)) {
    return 'a string grew longer than JavaScript can hold'
  }
  const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown }
  const text = typeof message === 'string' && message !== '' ? message : 'unknown error'
  return typeof position === 'number' ? `${text} (at character ${position})` : text
}

/** Finds the `}}` that closes an expression, skipping braces and quotes inside it. */
function findClose(template: string, from: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = from; i < template.length; i += 1) {
    const char = template[i]
    if (quote !== null) {
      if (char === '\\') i += 1
      else if (char === quote) quote = null
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char
    } else if (char === '{') {
      depth += 1
    } else if (char === '}') {
      if (depth > 0) depth -= 1
      else if (template[i + 1] === '}') return i
    }
  }
  return -1
}
