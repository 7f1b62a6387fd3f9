import { describe, expect, it } from 'vitest'
import { createDeepLinkRouter, parseDeepLink } from '../../../src/main/deep-links'
import type { OAuthCallbackLink } from '../../../src/main/deep-links'
import { createLogger } from '../../../src/main/platform/logger'
import { loadDeepLinkCases } from './deep-link-cases'

const cases = loadDeepLinkCases()

// Rows whose verdict needs a pending flow: the link is well-formed, the OAuth side says no.
const decidedByPendingFlow = (why: string) => /pending flow|mix-up/.test(why)

/** Stands in for the connections service: one flow waits, for github with state S1. */
function pendingGithubFlow(link: OAuthCallbackLink): Promise<boolean> {
  return Promise.resolve(link.providerId === 'github' && link.state === 'S1')
}

function routerWithLog() {
  const lines: string[] = []
  const router = createDeepLinkRouter({
    onOAuthCallback: pendingGithubFlow,
    logger: createLogger((line) => lines.push(line), 'debug'),
  })
  return { router, lines }
}

describe('the shared deep-link cases', () => {
  it('covers every row of the fixture, including the generated 10,000-character code', () => {
    expect(cases).toHaveLength(22)
    expect(cases.some((row) => row.link.length > 10_000)).toBe(true)
  })

  it.each(cases)('$expect: $why', async ({ expect: verdict, link, why }) => {
    const parsed = parseDeepLink(link)
    const { router, lines } = routerWithLog()

    if (verdict === 'reject' && !decidedByPendingFlow(why)) expect(parsed.ok).toBe(false)
    if (verdict === 'accept' || decidedByPendingFlow(why)) expect(parsed.ok).toBe(true)
    expect(await router.handle(link)).toBe(verdict === 'accept')

    if (verdict === 'reject') expect(lines).toHaveLength(1)
    for (const line of lines) expect(line).not.toMatch(/C1|C2|S1|S2|NOPE|AAAA|access_denied/)
  })

  it('hands accepted links to the OAuth side with provider, state and parameters', async () => {
    const received: OAuthCallbackLink[] = []
    const router = createDeepLinkRouter({
      onOAuthCallback: async (link) => (received.push(link), true),
      logger: createLogger(() => {}),
    })

    await router.handle(
      'com.allv.desktop:/oauth/github?code=C1&state=S1&iss=https%3A%2F%2Fgithub.com',
    )

    expect(received).toHaveLength(1)
    expect(received[0]?.providerId).toBe('github')
    expect(received[0]?.state).toBe('S1')
    expect(received[0]?.params.get('iss')).toBe('https://github.com')
  })
})
