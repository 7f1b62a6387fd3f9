import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = join(import.meta.dirname, '../../src')

// With the RunAsNode fuse off, `child_process.fork` of the app binary (and anything relying on
// ELECTRON_RUN_AS_NODE) stops working in packaged builds only, where no test would notice.
// Background work belongs in worker threads or Electron's utilityProcess instead.
const FORBIDDEN = [
  /\bchild_process\b/,
  /\bELECTRON_RUN_AS_NODE\b/,
  /\bprocess\.execPath\b.*\bfork\b/,
]

describe('the RunAsNode fuse', () => {
  it('can stay off: nothing in src/ forks the app binary or runs it as Node', () => {
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file))
      .filter((file) => FORBIDDEN.some((rule) => rule.test(readFileSync(join(src, file), 'utf8'))))

    expect(offenders).toEqual([])
  })
})
