import type { Expression } from 'jsonata'

/** The string bounds `guardExpression` enforces on one evaluation. */
export interface StringBounds {
  /** No string an expression makes or reads may be longer, nor may `$pad` aim wider. */
  maxStringChars: number
  /** Characters of every string value the evaluation produced, added up. */
  maxTotalChars: number
}

/**
 * jsonata calls a binding under this symbol with the result of every node it evaluates. It is
 * not in the typings; the expression tests fail if a jsonata upgrade drops it.
 */
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit')

/**
 * Makes a compiled expression safe to evaluate in this process. jsonata's own limits (time,
 * depth, sequence length) do not bound a single built-in call: `$pad("", 150000000)` builds a
 * huge string, and `$length`, `$substring` and `$split` turn a string into an array of its
 * characters, which past about 134 million entries aborts V8 outright; no catch can stop it.
 * So every value is held to `maxStringChars` as it is produced (concatenation with `&`
 * included), the amplifying built-ins refuse inputs and widths past it, and the total of all
 * strings made is held to `maxTotalChars`, which bounds the memory one evaluation can take.
 */
export function guardExpression(expression: Expression, bounds: StringBounds): void {
  const { maxStringChars } = bounds
  let total = 0

  const checkString = (text: string, what: string): void => {
    if (text.length > maxStringChars) {
      throw new Error(`${what} is longer than ${maxStringChars} characters`)
    }
  }
  const onEvaluated = (_node: unknown, _input: unknown, _env: unknown, result: unknown) => {
    if (typeof result !== 'string') return
    checkString(result, 'a value')
    total += result.length
    if (total > bounds.maxTotalChars) {
      throw new Error(`the expression made more than ${bounds.maxTotalChars} characters of text`)
    }
  }
  // `assign` is typed for names, but jsonata keeps bindings in a plain object keyed by either.
  expression.assign(EVALUATE_EXIT as unknown as string, onEvaluated)

  expression.registerFunction(
    'length',
    (text: string | undefined) => {
      if (text === undefined) return undefined
      checkString(text, '$length input')
      return countCodePoints(text)
    },
    '<s-:n>',
  )
  expression.registerFunction(
    'substring',
    (text: string | undefined, start: number, length?: number) => {
      if (text === undefined) return undefined
      checkString(text, '$substring input')
      return substring(text, start, length)
    },
    '<s-nn?:s>',
  )
  expression.registerFunction(
    'pad',
    (text: string | undefined, width: number, char?: string) => {
      if (text === undefined) return undefined
      checkString(text, '$pad input')
      checkString(char ?? '', '$pad character')
      const target = Math.trunc(width)
      if (Math.abs(target) > maxStringChars) {
        throw new Error(`$pad width ${target} is past the limit of ${maxStringChars} characters`)
      }
      return pad(text, target, char === undefined || char === '' ? ' ' : char)
    },
    '<s-ns?:s>',
  )
}

/** How many characters jsonata counts in a string: code points, not UTF-16 units. */
function countCodePoints(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i += 1) {
    count += 1
    if (isPairAt(text, i)) i += 1
  }
  return count
}

/** `Array.prototype.slice` over code points, without making an array of them. */
function sliceCodePoints(text: string, start: number, end?: number): string {
  const count = countCodePoints(text)
  const clamp = (at: number) => {
    const whole = Math.trunc(at) || 0
    return whole < 0 ? Math.max(count + whole, 0) : Math.min(whole, count)
  }
  const from = clamp(start)
  const to = end === undefined ? count : clamp(end)
  if (to <= from) return ''
  const fromUnit = unitOffset(text, from)
  return text.slice(fromUnit, unitOffset(text, to - from, fromUnit))
}

/** The UTF-16 index `points` code points after `from`. */
function unitOffset(text: string, points: number, from = 0): number {
  let at = from
  for (let n = 0; n < points && at < text.length; n += 1) at += isPairAt(text, at) ? 2 : 1
  return at
}

function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i)
  const low = text.charCodeAt(i + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}

/** jsonata's `$substring`: a negative start counts from the end; length <= 0 gives "". */
function substring(text: string, start: number, length?: number): string {
  const count = countCodePoints(text)
  const from = count + start < 0 ? 0 : start
  if (length === undefined) return sliceCodePoints(text, from)
  if (length <= 0) return ''
  return sliceCodePoints(text, from, from >= 0 ? from + length : count + from + length)
}

/** jsonata's `$pad`: a positive width pads on the right, a negative one on the left. */
function pad(text: string, width: number, char: string): string {
  const missing = Math.abs(width) - countCodePoints(text)
  if (missing <= 0) return text
  const repeats = Math.ceil(missing / countCodePoints(char))
  const padding = sliceCodePoints(char.repeat(repeats), 0, missing)
  return width > 0 ? text + padding : padding + text
}
