import { describe, expect, it } from 'vitest'
import { findDeepLinkInArgv } from '../../../src/main/deep-links'

const link = 'com.allv.desktop:/oauth/github?code=C1&state=S1'

describe('findDeepLinkInArgv', () => {
  it('finds the link after the -- that the Windows registration puts before it', () => {
    expect(findDeepLinkInArgv(['C:\\allv\\allv.exe', '--', link])).toBe(link)
  })

  it('finds the link after the app path in development', () => {
    expect(findDeepLinkInArgv(['/usr/bin/electron', '/work/allv', '--', link])).toBe(link)
  })

  it('finds the link among Chromium switches, in any position', () => {
    const argv = ['allv', '--gpu-launcher=calc', link, '--no-sandbox', '--allow-file-access']
    expect(findDeepLinkInArgv(argv)).toBe(link)
  })

  it('never takes a switch for a link, even one that carries the scheme in its value', () => {
    expect(findDeepLinkInArgv(['allv', `--gpu-launcher=${link}`, '--gpu-launcher=calc'])).toBe(null)
  })

  it('ignores other schemes and schemes that only start like ours', () => {
    const argv = ['allv', 'https://evil.example', 'com.allv.desktop.evil:/oauth/github', '.']
    expect(findDeepLinkInArgv(argv)).toBe(null)
  })

  it('matches the scheme case-insensitively and leaves validation to parseDeepLink', () => {
    expect(findDeepLinkInArgv(['allv', 'COM.ALLV.DESKTOP:/settings'])).toBe(
      'COM.ALLV.DESKTOP:/settings',
    )
  })

  it('returns null for a plain launch', () => {
    expect(findDeepLinkInArgv(['allv'])).toBe(null)
    expect(findDeepLinkInArgv([])).toBe(null)
  })
})
