import { describe, expect, it, vi } from 'vitest'
import {
  createOpenExternalSafely,
  isSafeExternalUrl,
} from '../../../src/main/desktop/open-external'
import { isAllvError } from '../../../src/main/platform/errors'
import { createLogger, silentLogger } from '../../../src/main/platform/logger'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://github.com/login/oauth/authorize?client_id=x&state=S1',
    'https://accounts.google.com/o/oauth2/v2/auth',
    'HTTPS://EXAMPLE.COM/',
    'http://127.0.0.1:53123/oauth/google',
    'http://[::1]:53123/callback',
    'http://localhost:8080/',
    'http://127.0.0.2:8080/authorize',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['http://example.com/', 'plain http off loopback'],
    ['http://127.0.0.1.evil.example/', 'a host that only starts like loopback'],
    ['http://localhost.evil.example/', 'a host that only starts like localhost'],
    ['http://10.0.0.1/', 'a private address is not loopback'],
    ['file:///etc/passwd', 'file:'],
    ['file://server/share/run.exe', 'a UNC path through file:'],
    ['smb://server/share', 'smb:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['com.allv.desktop:/oauth/github?code=C1&state=S1', 'our own scheme'],
    ['ms-msdt:/id PCWDiagnostic', 'a handler the OS would run'],
    ['https://github.com@evil.example/', 'user info disguising the host'],
    ['https://user:pass@github.com/', 'credentials in the URL'],
    ['https://git\nhub.com/', 'a newline the parser would drop'],
    [' https://github.com/', 'leading whitespace'],
    ['https:///', 'no host'],
    ['//github.com/', 'no scheme'],
    [`https://github.com/${'a'.repeat(9000)}`, 'too long'],
    ['', 'empty'],
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('refuses what is not a string', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false)
    expect(isSafeExternalUrl(new URL('https://github.com'))).toBe(false)
  })
})

describe('createOpenExternalSafely', () => {
  it('hands the canonical form of an allowed URL to the shell', async () => {
    const shellOpen = vi.fn(async () => {})
    const open = createOpenExternalSafely(
      shellOpen,
      createLogger(() => {}),
    )

    await open('HTTPS://GitHub.com/login?x=1')

    expect(shellOpen).toHaveBeenCalledWith('https://github.com/login?x=1')
  })

  it('refuses anything else with INVALID_INPUT, logging only the scheme', async () => {
    const shellOpen = vi.fn(async () => {})
    const lines: string[] = []
    const open = createOpenExternalSafely(
      shellOpen,
      createLogger((l) => lines.push(l)),
    )

    const failure = await open('file:///home/someone/secret-CANARY').catch((e: unknown) => e)

    expect(isAllvError(failure, 'INVALID_INPUT')).toBe(true)
    expect(shellOpen).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('"scheme":"file"')
    expect(lines.join('\n')).not.toContain('CANARY')
  })
})

describe('the guard behind links the renderer opens', () => {
  it('opens https but never a service on this machine', async () => {
    const shellOpen = vi.fn(async () => {})
    const open = createOpenExternalSafely(shellOpen, silentLogger, { loopbackHttp: false })

    await open('https://example.com/docs')
    const failure = await open('http://127.0.0.1:8080/admin').catch((e: unknown) => e)

    expect(isAllvError(failure, 'INVALID_INPUT')).toBe(true)
    expect(shellOpen.mock.calls).toEqual([['https://example.com/docs']])
  })
})
