import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findDeepLinkInArgv,
  formatDeepLink,
  parseDeepLink,
  type DeepLinkParseResult,
} from '../../../src/main/deep-links'

const runs = { numRuns: 2_000 }

/** Pieces a hostile or sloppy link is made of, so generated strings often get far in. */
const piece = fc.constantFrom(
  'com.allv.desktop:',
  'COM.ALLV.DESKTOP:',
  '/oauth/',
  'github',
  '/',
  '//',
  '?',
  '&',
  '=',
  '#',
  'code',
  'state',
  'error',
  'iss',
  'S1',
  '%',
  '%2e',
  '%00',
  '%C3%A9',
  '%E0%A4%A',
  '+',
  '..',
  '\u0000',
  ' ',
  '--gpu-launcher=',
)
const linkish = fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme-ascii' })), {
  maxLength: 12,
})

const token = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })
const providerId = fc.stringMatching(/^[a-z0-9-]{1,40}$/)
const extraName = fc.constantFrom('iss', 'error_description', 'scope', 'session_state')
const wellFormed = fc
  .record({ providerId, state: token, code: token, extra: fc.option(fc.tuple(extraName, token)) })
  .map(({ providerId, state, code, extra }) => {
    const params = new URLSearchParams({ code, state })
    if (extra) params.append(...extra)
    return `com.allv.desktop:/oauth/${providerId}?${params}`
  })

function roundTrips(parsed: DeepLinkParseResult): void {
  if (!parsed.ok) return
  const again = parseDeepLink(formatDeepLink(parsed.link))

  expect(again.ok).toBe(true)
  if (!again.ok) return
  expect(again.link.providerId).toBe(parsed.link.providerId)
  expect(again.link.state).toBe(parsed.link.state)
  expect([...again.link.params]).toEqual([...parsed.link.params])
}

describe('parseDeepLink properties', () => {
  it('never throws, whatever string it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          linkish.map((p) => p.join('')),
        ),
        (raw) => {
          parseDeepLink(raw)
        },
      ),
      runs,
    )
  })

  it('round-trips every link it accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wellFormed,
          linkish.map((p) => p.join('')),
        ),
        (raw) => {
          roundTrips(parseDeepLink(raw))
        },
      ),
      runs,
    )
  })

  it('accepts every well-formed callback whose values are free of control characters', () => {
    const clean = wellFormed.filter((raw) => !/%[01][0-9A-F]|%7F|%C2%[89]/i.test(raw))
    fc.assert(
      fc.property(clean, (raw) => parseDeepLink(raw).ok),
      runs,
    )
  })
})

describe('findDeepLinkInArgv properties', () => {
  const switchArg = fc.oneof(
    fc.constantFrom('--', '--no-sandbox', '--gpu-launcher=calc', '--inspect=9229'),
    fc.string().map((s) => `--${s}`),
    fc.string().map((s) => `-${s}`),
  )
  const otherArg = fc.oneof(fc.constantFrom('.', '/opt/allv/allv', 'C:\\allv.exe'), fc.string())

  it('never throws and only returns a non-switch argument with the app scheme', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(switchArg, otherArg, wellFormed)), (argv) => {
        const found = findDeepLinkInArgv(argv)
        if (found === null) return
        expect(argv).toContain(found)
        expect(found.startsWith('-')).toBe(false)
        expect(found.toLowerCase().startsWith('com.allv.desktop:')).toBe(true)
      }),
      runs,
    )
  })

  it('finds a link in any position among switches and paths', () => {
    const noise = fc.array(
      fc.oneof(
        switchArg,
        otherArg.filter((a) => !/^com\.allv\.desktop:/i.test(a)),
      ),
    )
    fc.assert(
      fc.property(noise, noise, wellFormed, (before, after, link) => {
        expect(findDeepLinkInArgv([...before, link, ...after])).toBe(link)
      }),
      runs,
    )
  })
})
