import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'

/** Bundles the harness bridge into one classic script the renderer page can load. */
export async function buildBridgeScript(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'allv-bridge-'))
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: false,
        minify: false,
        lib: {
          entry: join(import.meta.dirname, 'bridge.ts'),
          formats: ['iife'],
          name: 'allvBridge',
          fileName: () => 'bridge.js',
        },
      },
    })
    return await readFile(join(outDir, 'bridge.js'), 'utf8')
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}
