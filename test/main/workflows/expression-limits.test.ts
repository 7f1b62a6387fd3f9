import { describe, expect, it } from 'vitest'
import { isAllvError } from '../../../src/main/platform/errors'
import {
  DEFAULT_EXPRESSION_LIMITS,
  renderTemplate,
  type ExpressionContext,
} from '../../../src/main/workflows/expressions'

const context: ExpressionContext = {
  steps: {},
  trigger: { type: 'manual', firedAt: '2025-01-01T00:00:00.000Z' },
}

/** Doubles "ab" n times with `&`, which no built-in sees. */
const doubled = (n: number) =>
  `($f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $f("ab", ${n}))`

async function failureOf(template: string, limits = DEFAULT_EXPRESSION_LIMITS) {
  try {
    await renderTemplate(template, context, limits)
  } catch (error) {
    if (isAllvError(error, 'EXPRESSION_FAILED')) return error.message
    throw error
  }
  throw new Error('the template rendered')
}

describe('expression size limits', () => {
  it('refuses a $pad wide enough to abort the process, with a clear message', async () => {
    const message = await failureOf('http://127.0.0.1/{{ $length($pad("", 150000000)) }}')
    expect(message).toMatch(/\$pad width 150000000 is past the limit of 1000000 characters/)
  })

  it.each([
    ['a multi-character pad', '$pad("", 150000000, "ab")'],
    ['a string doubled with & and split into characters', `$count($split(${doubled(27)}, ""))`],
    ['a string doubled with & and measured', `$length(${doubled(27)})`],
    ['a string doubled past what V8 can hold', doubled(30)],
    ['a join with a long separator', '$join($split($pad("", 100000), ""), $pad("", 1000))'],
    ['a replace with a long replacement', '$replace($pad("", 100000), " ", $pad("", 1000))'],
  ])('fails %s as EXPRESSION_FAILED without crashing', async (_what, source) => {
    expect(await failureOf(`{{ ${source} }}`)).toMatch(/failed: .*(longer|past|more than)/)
  })

  it('stops an expression that makes more text in all than the total allows', async () => {
    const limits = { ...DEFAULT_EXPRESSION_LIMITS, maxTotalChars: 5_000_000 }
    const message = await failureOf('{{ [1..10].($pad("", 1000000)) }}', limits)
    expect(message).toMatch(/made more than 5000000 characters of text/)
  })

  it('keeps jsonata semantics of $length, $substring and $pad below the limits', async () => {
    const render = (source: string) => renderTemplate(`{{ ${source} }}`, context)

    expect(await render('$length("a😀b")')).toBe('3')
    expect(await render('$substring("a😀bc", 1, 2)')).toBe('😀b')
    expect(await render('$substring("hello", -3)')).toBe('llo')
    expect(await render('$substring("hello", -3, 2)')).toBe('ll')
    expect(await render('$substring("hello", 1, 0)')).toBe('')
    expect(await render('$pad("ab", 5, "xy")')).toBe('abxyx')
    expect(await render('$pad("ab", -5)')).toBe('   ab')
    expect(await render('$pad("abcdef", 3)')).toBe('abcdef')
    expect(await render('$length($pad("", 1000000))')).toBe('1000000')
  })
})
