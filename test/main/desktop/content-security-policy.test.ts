import { describe, expect, it } from 'vitest'
import { resolveAppOrigin } from '../../../src/main/desktop/app-origin'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  withSecurityHeaders,
} from '../../../src/main/desktop/content-security-policy'

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))

describe('the content security policy', () => {
  it('allows only the app itself, with no inline script, frames, forms or network', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    })
  })

  it('is the strict policy for the packaged app, even if a dev server URL is set', () => {
    const origin = resolveAppOrigin({ isPackaged: true, devServerUrl: 'http://localhost:5173' })
    expect(contentSecurityPolicyFor(origin)).toBe(CONTENT_SECURITY_POLICY)
    expect(contentSecurityPolicyFor(resolveAppOrigin({ isPackaged: false }))).toBe(
      CONTENT_SECURITY_POLICY,
    )
  })

  it('lets the dev server run its inline preamble and HMR socket in development only', () => {
    const origin = resolveAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' })
    const dev = directives(contentSecurityPolicyFor(origin))

    expect(dev['script-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173'])
    expect(dev['default-src']).toEqual(["'none'"])
  })

  it('replaces any policy a response brought, whatever its casing', () => {
    const headers = withSecurityHeaders(
      { 'content-security-policy': ['script-src *'], 'X-Other': ['1'] },
      CONTENT_SECURITY_POLICY,
    )

    expect(headers).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    })
  })
})

describe('the app origin', () => {
  it('loads app://allv/index.html when packaged and holds only that origin', () => {
    const origin = resolveAppOrigin({ isPackaged: true })

    expect(origin.entryUrl).toBe('app://allv/index.html')
    expect(origin.contains('app://allv/index.html#/workflows')).toBe(true)
    expect(origin.contains('app://evil/index.html')).toBe(false)
    expect(origin.contains('app://allv@evil/')).toBe(false)
    expect(origin.contains('https://allv/')).toBe(false)
    expect(origin.contains('file:///index.html')).toBe(false)
    expect(origin.contains('not a url')).toBe(false)
  })

  it('is the dev server in development, port included', () => {
    const origin = resolveAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' })

    expect(origin.entryUrl).toBe('http://localhost:5173/')
    expect(origin.contains('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(origin.contains('http://localhost:5174/')).toBe(false)
    expect(origin.contains('app://allv/index.html')).toBe(false)
  })
})
