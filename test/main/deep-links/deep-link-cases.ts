import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One row of test/fixtures/deep-links.tsv, with generated links expanded. */
export interface DeepLinkCase {
  expect: 'accept' | 'reject'
  link: string
  why: string
}

const fixture = fileURLToPath(new URL('../../fixtures/deep-links.tsv', import.meta.url))

/** Reads every case row; `<N x C>` stands for the character C repeated N times. */
export function loadDeepLinkCases(): DeepLinkCase[] {
  return readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [expect, link, why] = line.split('\t')
      if ((expect !== 'accept' && expect !== 'reject') || !link || !why) {
        throw new Error(`bad fixture row: ${line}`)
      }
      return { expect, link: expandGenerated(link), why }
    })
}

function expandGenerated(link: string): string {
  return link.replace(/<(\d+) x (.)>/g, (_match, count: string, char: string) =>
    char.repeat(Number(count)),
  )
}
