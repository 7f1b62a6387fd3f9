import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { findDeepLinkInArgv, parseDeepLink } from '../../src/main/deep-links'
import { debDesktopEntry } from './linux-desktop-entry'

// The real Linux hand-off, as DESIGN.md describes it: the packaged .desktop entry in a private
// XDG_DATA_HOME, made the scheme's default with xdg-mime, then `gio open` runs its Exec line.
// Exec points at a recorder that writes its argv, standing in for the app binary only.
// Needs Debian's libglib2.0-bin (gio) and xdg-utils (xdg-mime).

function privateDesktop() {
  const home = mkdtempSync(join(tmpdir(), 'allv-xdg-'))
  const env = {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
  }
  mkdirSync(join(env.XDG_DATA_HOME, 'applications'), { recursive: true })
  mkdirSync(env.XDG_CONFIG_HOME, { recursive: true })
  return { home, env }
}

async function installRecorderEntry(home: string, dataHome: string) {
  const argvFile = join(home, 'argv.txt')
  const recorder = join(home, 'allv-recorder')
  const script = [
    '#!/bin/sh',
    `for arg in "$@"; do printf '%s\\n' "$arg"; done > '${argvFile}.tmp'`,
    // Renamed when complete, so the test never reads a half-written file.
    `mv '${argvFile}.tmp' '${argvFile}'`,
  ]
  writeFileSync(recorder, `${script.join('\n')}\n`)
  chmodSync(recorder, 0o755)

  const entry = (await debDesktopEntry()).replace(/^Exec=\S+/m, `Exec=${recorder}`)
  writeFileSync(join(dataHome, 'applications', 'allv.desktop'), entry)
  return argvFile
}

describe('the Linux URL hand-off', () => {
  it('runs the entry with the link as one argument, which the app then accepts', async () => {
    const { home, env } = privateDesktop()
    const argvFile = await installRecorderEntry(home, env.XDG_DATA_HOME)
    const link = 'com.allv.desktop:/oauth/github?code=C1&state=S1&iss=https%3A%2F%2Fgithub.com'

    execFileSync('xdg-mime', ['default', 'allv.desktop', 'x-scheme-handler/com.allv.desktop'], {
      env,
    })
    const handler = execFileSync(
      'xdg-mime',
      ['query', 'default', 'x-scheme-handler/com.allv.desktop'],
      {
        env,
        encoding: 'utf8',
      },
    )
    expect(handler.trim()).toBe('allv.desktop')

    execFileSync('gio', ['open', link], { env, stdio: 'pipe' })
    await vi.waitFor(() => expect(existsSync(argvFile)).toBe(true), { timeout: 10_000 })

    const argv = readFileSync(argvFile, 'utf8').split('\n').filter(Boolean)
    expect(argv).toEqual([link])
    const found = findDeepLinkInArgv(['/opt/allv/allv', ...argv])
    expect(found && parseDeepLink(found)).toMatchObject({
      ok: true,
      link: { providerId: 'github' },
    })
  })
})
