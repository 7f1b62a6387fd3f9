import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import runElectronegativity from '@doyensec/electronegativity'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version as string

// Everything that can reach an Electron API: lint keeps `electron` out of the rest of src/main,
// so a check there could only match names (an adapter called openExternal), never Electron.
// The renderer's index.html repeats the CSP as a meta tag; it is the renderer's to annotate,
// and the header set here is the policy that binds.
const ELECTRON_FACING = ['src/main/desktop', 'src/main/index.ts', 'src/preload']

// Needs the network, which CI does not have: it downloads Electron's release list.
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck']

describe('electronegativity', () => {
  it('finds nothing in the Electron-facing sources', async () => {
    const input = mkdtempSync(join(tmpdir(), 'allv-audit-'))
    for (const path of ELECTRON_FACING) {
      if (existsSync(join(root, path)))
        cpSync(join(root, path), join(input, path), { recursive: true })
    }

    const result = await runElectronegativity({
      input,
      excludeFromScan: NETWORK_CHECKS,
      electronVersionOverride: electronVersion,
      isRelative: true,
    })

    expect(result.errors).toEqual([])
    expect(result.issues.map(({ id, file, location }) => `${id} ${file}:${location.line}`)).toEqual(
      [],
    )
  })
})
