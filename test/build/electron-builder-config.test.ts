import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import config from '../../build/electron-builder.config'
import {
  appImageDesktopEntry,
  debDesktopEntry,
  desktopEntryFields,
  desktopEntryHelper,
} from './linux-desktop-entry'

const root = join(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app com.allv.desktop and registers its link scheme', () => {
    expect(config.appId).toBe('com.allv.desktop')
    expect(config.productName).toBe('allv')
    expect(config.protocols).toEqual([
      { name: 'allv sign-in callback', schemes: ['com.allv.desktop'] },
    ])
  })

  it('sets every hardening fuse for packaged builds', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds AppImage and deb, dmg and NSIS, from an asar with native modules unpacked', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(true)
  })

  it('ships the built bundle only, and its icons exist at the sizes the packages need', () => {
    expect(config.files).toEqual(['out/**/*', '!out/**/*.map', 'package.json'])
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(root, `build/icons/${size}x${size}.png`))
      expect(png.readUInt32BE(16)).toBe(size)
    }
    expect(readFileSync(join(root, 'build/icon.png')).readUInt32BE(16)).toBe(1024)
  })

  it('keeps Chromium’s sandbox in the AppImage launcher', async () => {
    expect(desktopEntryFields(await appImageDesktopEntry()).Exec).toBe('AppRun %U')
  })

  it('is what npm run dist uses, and dist rebuilds native modules for Node afterwards', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>
    expect(scripts.dist).toBe('node build/dist.mjs')
    expect(read('build/dist.mjs')).toContain("'build/electron-builder.config.ts'")
    expect(read('build/dist.mjs')).toContain("'rebuild', 'better-sqlite3', 'keytar'")
  })
})

describe('the Linux desktop entry', () => {
  it('handles the link scheme, passes URLs with %U and matches the desktop name', async () => {
    const fields = desktopEntryFields(await debDesktopEntry())

    expect(fields.MimeType).toBe('x-scheme-handler/com.allv.desktop;')
    expect(fields.Exec).toBe('/opt/allv/allv %U')
    expect(fields.StartupWMClass).toBe('allv')
    expect(config.extraMetadata?.desktopName).toBe('allv.desktop')
    expect(desktopEntryHelper().getDesktopFileName()).toBe('allv')
    expect(fields).toMatchObject({ Name: 'allv', Type: 'Application', Icon: 'allv' })
  })

  it('passes desktop-file-validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allv-desktop-'))
    const file = join(dir, 'allv.desktop')
    writeFileSync(file, await debDesktopEntry())

    expect(execFileSync('desktop-file-validate', [file], { encoding: 'utf8' })).toBe('')
  })
})

describe('the Windows installer', () => {
  it('registers the scheme with -- before the URL, and removes it on uninstall', () => {
    const nsh = read('build/installer.nsh')

    expect(nsh).toContain('!define ALLV_URL_KEY "Software\\Classes\\com.allv.desktop"')
    expect(nsh).toContain('!define ALLV_EXE "$INSTDIR\\${APP_EXECUTABLE_FILENAME}"')
    expect(nsh).toContain(
      `WriteRegStr SHCTX "\${ALLV_URL_KEY}\\shell\\open\\command" "" '"\${ALLV_EXE}" "--" "%1"'`,
    )
    expect(nsh).toContain('WriteRegStr SHCTX "${ALLV_URL_KEY}" "URL Protocol" ""')
    expect(nsh).toContain('DeleteRegKey SHCTX "${ALLV_URL_KEY}"')
  })
})
