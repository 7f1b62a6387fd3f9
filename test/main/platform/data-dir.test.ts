import { describe, expect, test } from 'vitest'
import { defaultDataDir } from '../../../src/main/platform/data-dir'

const home = { linux: '/home/ada', darwin: '/Users/ada', win32: 'C:\\Users\\ada' }

describe('defaultDataDir', () => {
  test('uses XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    const linux = { platform: 'linux', homedir: home.linux } as const
    expect(defaultDataDir({ ...linux, env: {} })).toBe('/home/ada/.config/allv')
    expect(defaultDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe('/xdg/allv')
  })

  test('ignores a relative XDG_CONFIG_HOME, as the XDG spec asks', () => {
    const env = { XDG_CONFIG_HOME: 'relative/config' }
    expect(defaultDataDir({ platform: 'linux', homedir: home.linux, env })).toBe(
      '/home/ada/.config/allv',
    )
  })

  test('uses Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', homedir: home.darwin, env: {} })).toBe(
      '/Users/ada/Library/Application Support/allv',
    )
  })

  test('uses %APPDATA% on Windows, else AppData\\Roaming in the profile', () => {
    const windows = { platform: 'win32', homedir: home.win32 } as const
    const env = { APPDATA: 'D:\\Roaming' }
    expect(defaultDataDir({ ...windows, env })).toBe('D:\\Roaming\\allv')
    expect(defaultDataDir({ ...windows, env: {} })).toBe('C:\\Users\\ada\\AppData\\Roaming\\allv')
  })

  test('puts the folder inside the app data folder the host already knows', () => {
    const context = { platform: 'linux', homedir: home.linux, env: {} } as const
    expect(defaultDataDir({ ...context, appData: '/from/electron' })).toBe('/from/electron/allv')
  })

  test('lets ALLV_DATA_DIR override every rule', () => {
    const env = { ALLV_DATA_DIR: '/profiles/work', XDG_CONFIG_HOME: '/xdg' }
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir({ platform, homedir: home.linux, env, appData: '/a' })).toBe(
        '/profiles/work',
      )
    }
  })
})
