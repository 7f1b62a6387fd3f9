import { describe, expect, it } from 'vitest'
import { isAllvError } from '../../../src/main/platform/errors'
import {
  DEFAULT_EXPRESSION_LIMITS,
  parseTemplate,
  renderTemplate,
  type ExpressionContext,
} from '../../../src/main/workflows/expressions'

const context: ExpressionContext = {
  steps: {
    user: { status: 200, headers: {}, body: '', json: { id: 7, name: 'Ada', roles: ['a', 'b'] } },
  },
  trigger: { type: 'manual', firedAt: '2025-01-01T00:00:00.000Z' },
}

async function failureOf(template: string, limits?: Parameters<typeof renderTemplate>[2]) {
  try {
    await renderTemplate(template, context, limits)
  } catch (error) {
    if (isAllvError(error, 'EXPRESSION_FAILED')) return error.message
    throw error
  }
  throw new Error('the template rendered')
}

describe('expressions', () => {
  it('renders strings as they are and other values as JSON', async () => {
    const rendered = await renderTemplate(
      'id={{ steps.user.json.id }} name={{ steps.user.json.name }} ' +
        'roles={{ steps.user.json.roles }}',
      context,
    )
    expect(rendered).toBe('id=7 name=Ada roles=["a","b"]')
  })

  it('finds the end of an expression that holds braces and quotes', () => {
    expect(parseTemplate('a{{ {"x": "}}"} }}b')).toEqual([
      { text: 'a' },
      { source: '{"x": "}}"}' },
      { text: 'b' },
    ])
  })

  it('stops an expression that loops forever', async () => {
    const limits = { ...DEFAULT_EXPRESSION_LIMITS, timeoutMs: 50, maxDepth: 10_000 }
    const message = await failureOf(
      '{{ ($loop := function($n) { $n < 0 ? $n : $loop($n + 1) }; $loop(0)) }}',
      limits,
    )
    expect(message).toMatch(/timeout|Stack overflow/i)
  })

  it('stops an expression that recurses too deep', async () => {
    const message = await failureOf('{{ ($f := function($n) { $f($n + 1) + 1 }; $f(0)) }}')
    expect(message).toMatch(/Stack overflow/)
  })

  it('refuses a sequence past the limit', async () => {
    const message = await failureOf('{{ $count([1..200000]) }}')
    expect(message).toMatch(/failed/)
  })

  it('refuses a result longer than the limit', async () => {
    const limits = { ...DEFAULT_EXPRESSION_LIMITS, maxResultChars: 10 }
    expect(await failureOf('{{ "abcdefghijklmnop" }}', limits)).toMatch(/longer than 10/)
  })

  it('says which expression failed and why', async () => {
    expect(await failureOf('{{ $nope(1) }}')).toMatch(/^\{\{ \$nope\(1\) \}\} failed: /)
  })
})
