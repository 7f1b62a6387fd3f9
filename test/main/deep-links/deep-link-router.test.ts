import { describe, expect, it } from 'vitest'
import { createDeepLinkRouter, describeWithoutQuery } from '../../../src/main/deep-links'
import { createLogger } from '../../../src/main/platform/logger'

const canary = 'CANARY-4f1c9e'

function routerWith(onOAuthCallback: () => Promise<boolean>) {
  const lines: string[] = []
  const router = createDeepLinkRouter({
    onOAuthCallback,
    logger: createLogger((line) => lines.push(line), 'debug'),
  })
  return { router, lines, logged: () => lines.map((line) => JSON.parse(line) as object) }
}

describe('the deep-link router', () => {
  it('logs a refused link by scheme, path and reason, never its query', async () => {
    const { router, lines, logged } = routerWith(async () => true)

    const link = `com.allv.desktop:/oauth/github?code=${canary}&code=${canary}&state=${canary}`
    expect(await router.handle(link)).toBe(false)

    expect(logged()).toEqual([
      expect.objectContaining({
        scope: 'deep-link',
        scheme: 'com.allv.desktop',
        path: '/oauth/github',
        reason: 'duplicate-parameter',
      }),
    ])
    expect(lines.join('\n')).not.toContain(canary)
  })

  it('logs a link no pending flow claims without its state or code', async () => {
    const { router, lines, logged } = routerWith(async () => false)

    const link = `com.allv.desktop:/oauth/github?code=${canary}&state=${canary}`
    expect(await router.handle(link)).toBe(false)

    expect(logged()).toEqual([expect.objectContaining({ reason: 'no-pending-flow' })])
    expect(lines.join('\n')).not.toContain(canary)
  })

  it('contains a failing handler: logs its name, not its message, and resolves false', async () => {
    const { router, lines, logged } = routerWith(async () => {
      throw new TypeError(`token exchange failed for ${canary}`)
    })

    expect(await router.handle(`com.allv.desktop:/oauth/github?code=C1&state=S1`)).toBe(false)

    expect(logged()).toEqual([
      expect.objectContaining({ reason: 'handler-failed', errorName: 'TypeError' }),
    ])
    expect(lines.join('\n')).not.toContain(canary)
  })

  it('keeps only the scheme of a foreign URL, whose path may carry a credential', () => {
    expect(describeWithoutQuery(`https://user:${canary}@evil.example/${canary}?x=1`)).toEqual({
      scheme: 'https',
      path: '',
    })
    expect(describeWithoutQuery(`com.allv.desktop://me:${canary}@evil/x?code=1`)).toEqual({
      scheme: 'com.allv.desktop',
      path: '//evil/x',
    })
    expect(describeWithoutQuery('--gpu-launcher=calc')).toEqual({ scheme: '', path: '' })
  })

  it('cuts a long path short and replaces unprintable characters', () => {
    const described = describeWithoutQuery(`com.allv.desktop:/${'x'.repeat(500)}\u0000`)
    expect(described.path).toHaveLength(80)
    expect(describeWithoutQuery('com.allv.desktop:/a\u0000b').path).toBe('/a?b')
  })
})
