import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveAppAsset, serveAppAsset } from '../../../src/main/desktop/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/desktop/content-security-policy'

const root = mkdtempSync(join(tmpdir(), 'allv-renderer-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>allv</title>')
writeFileSync(join(root, 'assets', 'index-1a2b.js'), 'console.log(1)')
writeFileSync(join(tmpdir(), 'allv-outside.txt'), 'outside')

describe('resolveAppAsset', () => {
  it('maps app://allv/ paths into the renderer folder, / to index.html', () => {
    expect(resolveAppAsset(root, 'app://allv/')).toBe(join(root, 'index.html'))
    expect(resolveAppAsset(root, 'app://allv/assets/index-1a2b.js')).toBe(
      join(root, 'assets', 'index-1a2b.js'),
    )
  })

  it('keeps dot segments inside the folder, as the URL parser folds them first', () => {
    expect(resolveAppAsset(root, 'app://allv/../allv-outside.txt')).toBe(
      join(root, 'allv-outside.txt'),
    )
    expect(resolveAppAsset(root, 'app://allv/%2e%2e/allv-outside.txt')).toBe(
      join(root, 'allv-outside.txt'),
    )
  })

  it('never resolves outside the folder, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%5c', '%00', 'assets', '~', ''),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const file = resolveAppAsset(root, `app://allv/${segments.join('/')}`)
        expect(file === null || file.startsWith(root + sep)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })

  it.each([
    'app://allv/assets/%2e%2e%2f%2e%2e%2fallv-outside.txt',
    'app://allv/..%2fallv-outside.txt',
    'app://allv/..%5callv-outside.txt',
    'app://allv/index.html%00.js',
    'app://allv/%E0%A4%A',
    'app://evil/index.html',
    'app://allv.evil/index.html',
    'file:///etc/passwd',
    'https://allv/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBe(null)
  })
})

describe('serveAppAsset', () => {
  it('serves a bundle file with its type, the CSP and nosniff', async () => {
    const response = await serveAppAsset(
      root,
      { url: 'app://allv/assets/index-1a2b.js', method: 'GET' },
      CONTENT_SECURITY_POLICY,
    )

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers 404 for a traversal and for a missing file, and 405 for other methods', async () => {
    const get = (url: string) => serveAppAsset(root, { url, method: 'GET' }, 'x')

    expect((await get('app://allv/%2e%2e/allv-outside.txt')).status).toBe(404)
    expect((await get('app://allv/missing.js')).status).toBe(404)
    expect((await get('app://allv/assets')).status).toBe(404)
    const post = await serveAppAsset(root, { url: 'app://allv/', method: 'POST' }, 'x')
    expect(post.status).toBe(405)
  })
})
