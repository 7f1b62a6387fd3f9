import { describe, expect, it } from 'vitest'
import { formatDeepLink, parseDeepLink } from '../../../src/main/deep-links'

const base = 'com.allv.desktop:/oauth/github'
const callback = `${base}?code=C1&state=S1`

function reasonFor(link: string): string | null {
  const parsed = parseDeepLink(link)
  return parsed.ok ? null : parsed.reason
}

describe('parseDeepLink', () => {
  it('accepts a callback and reads provider, state and parameters', () => {
    const parsed = parseDeepLink(`${base}?code=C1&state=S1&iss=https%3A%2F%2Fgithub.com`)

    expect(parsed).toMatchObject({ ok: true, link: { providerId: 'github', state: 'S1' } })
    if (parsed.ok)
      expect(Object.fromEntries(parsed.link.params)).toEqual({
        code: 'C1',
        state: 'S1',
        iss: 'https://github.com',
      })
  })

  it('tolerates the trailing slash a browser may add to the path', () => {
    expect(parseDeepLink(`${base}/?code=C1&state=S1`)).toMatchObject({ ok: true })
    expect(reasonFor(`${base}//?code=C1&state=S1`)).toBe('unknown-path')
  })

  it.each([
    ['com.allv.desktop.evil:/oauth/github?code=C1&state=S1', 'not-app-scheme'],
    ['com.allv.deskto:/oauth/github?code=C1&state=S1', 'not-app-scheme'],
    ['xcom.allv.desktop:/oauth/github?code=C1&state=S1', 'not-app-scheme'],
    ['https://github.com/login/oauth/authorize', 'not-app-scheme'],
    ['javascript:alert(1)', 'not-app-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'not-app-scheme'],
    ['--gpu-launcher=calc', 'not-app-scheme'],
    ['--gpu-launcher="cmd /c calc" com.allv.desktop:/oauth/github', 'forbidden-character'],
    ['', 'not-app-scheme'],
    ['com.allv.desktop://evil.example/oauth/github?code=C1&state=S1', 'has-authority'],
    ['com.allv.desktop:///oauth/github?code=C1&state=S1', 'has-authority'],
    [`${callback}#frag`, 'has-fragment'],
    ['com.allv.desktop:oauth/github?code=C1&state=S1', 'unknown-path'],
    ['com.allv.desktop:/oauth/GitHub?code=C1&state=S1', 'unknown-path'],
    ['com.allv.desktop:/oauth/?code=C1&state=S1', 'unknown-path'],
    [`com.allv.desktop:/oauth/${'a'.repeat(41)}?code=C1&state=S1`, 'unknown-path'],
    ['com.allv.desktop:/oauth/github/extra?code=C1&state=S1', 'unknown-path'],
    ['com.allv.desktop:/oauth/../settings?code=C1&state=S1', 'path-traversal'],
    ['com.allv.desktop:/oauth/%2e%2e/settings?code=C1&state=S1', 'path-traversal'],
    ['com.allv.desktop:/oauth/%2E%2E%2Fsettings?code=C1&state=S1', 'path-traversal'],
    ['com.allv.desktop:/oauth/github%2f..?code=C1&state=S1', 'path-traversal'],
    ['com.allv.desktop:/oauth/..%5csettings?code=C1&state=S1', 'path-traversal'],
    ['com.allv.desktop:/oauth/%67ithub?code=C1&state=S1', 'unknown-path'],
    [`${base}?code=${'A'.repeat(10_000)}&state=S1`, 'too-long'],
    [`${base}?code=${'A'.repeat(4096)}&state=S1`, 'too-long'],
    [`${base}?code=C1&state=S1\u0000`, 'forbidden-character'],
    [`${base}?code=C1&state=S1\n`, 'forbidden-character'],
    [`${base}?code=C 1&state=S1`, 'forbidden-character'],
    [`${base}?code=C1&state=S\u00e9`, 'forbidden-character'],
    [`${base}?code=C1&state=S1%00`, 'control-character'],
    [`${base}?code=C1%0D%0Ainjected&state=S1`, 'control-character'],
    [`${base}?code=C1&state=S1%C2%85`, 'control-character'],
    [`${base}?code=%E0%A4%A&state=S1`, 'malformed-percent-encoding'],
    [`${base}?code=%zz&state=S1`, 'malformed-percent-encoding'],
    [`${base}?code=%&state=S1`, 'malformed-percent-encoding'],
    [`${base}?code=%C0%AF&state=S1`, 'malformed-percent-encoding'],
    [`${base}?code=%ED%A0%80&state=S1`, 'malformed-percent-encoding'],
    [`${base}?code=C1&state=S1&state=S2`, 'duplicate-parameter'],
    [`${base}?code=C1&code=C2&state=S1`, 'duplicate-parameter'],
    [`${base}?code=C1&state=S1&iss=a&iss=b`, 'duplicate-parameter'],
    [`${base}?code=C1&&state=S1`, 'empty-parameter'],
    [`${base}?code=C1&state=S1&`, 'empty-parameter'],
    [`${base}?code=C1&st%61te=S1`, 'bad-parameter-name'],
    [`${base}?code=C1&=S1`, 'bad-parameter-name'],
    [`${base}?${Array.from({ length: 17 }, (_, i) => `p${i}=x`).join('&')}`, 'too-many-parameters'],
    [`${base}?code=C1`, 'missing-state'],
    [`${base}?code=C1&state=`, 'missing-state'],
    [`${base}?state=S1`, 'missing-code-or-error'],
    [`${base}?state=S1&code=`, 'missing-code-or-error'],
    [`${base}?code=C1&error=access_denied&state=S1`, 'both-code-and-error'],
    [base, 'missing-state'],
  ])('refuses %j (%s)', (link, reason) => {
    expect(reasonFor(link)).toBe(reason)
  })

  it('decodes + as a space and percent escapes as UTF-8, as form encoding says', () => {
    const parsed = parseDeepLink(
      `${base}?error=access_denied&error_description=No+thanks%21&state=S%C3%A9`,
    )

    expect(parsed.ok && parsed.link.params.get('error_description')).toBe('No thanks!')
    expect(parsed.ok && parsed.link.state).toBe('Sé')
  })

  it('formats a link canonically: lowercase scheme, no trailing slash, minimal escapes', () => {
    const parsed = parseDeepLink('COM.ALLV.DESKTOP:/oauth/github/?code=a%2Bb+c&state=S%C3%A9')

    expect(parsed.ok && formatDeepLink(parsed.link)).toBe(
      'com.allv.desktop:/oauth/github?code=a%2Bb+c&state=S%C3%A9',
    )
  })
})
