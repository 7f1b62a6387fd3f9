// electron-builder's own code writes the .desktop entry of every Linux package; these helpers
// run that code on our configuration, since packaging for real needs the Electron binary.
// app-builder-lib is electron-builder's engine, installed with it at the same version.
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper'
import config from '../../build/electron-builder.config'

const executableName = config.linux?.executableName ?? 'allv'

/** electron-builder's helper over a packager stand-in that carries our configuration. */
export function desktopEntryHelper(): LinuxTargetHelper {
  const packager = {
    appInfo: {
      productName: config.productName,
      sanitizedProductName: config.productName,
      productFilename: config.productName,
      description: 'Connect the apps you work with and run workflows on your own machine.',
    },
    executableName,
    info: { metadata: { ...config.extraMetadata } },
    config,
    platformSpecificBuildOptions: config.linux,
    fileAssociations: [],
  }
  return new LinuxTargetHelper(packager as never)
}

/** The entry the deb installs in /usr/share/applications. */
export function debDesktopEntry(): Promise<string> {
  return desktopEntryHelper().computeDesktopEntry({ ...config.linux, ...config.deb })
}

/** The entry inside the AppImage, as its target computes it (launcher AppRun). */
export function appImageDesktopEntry(): Promise<string> {
  const options = { ...config.linux, ...config.appImage }
  const args = (options.executableArgs ?? ['--no-sandbox']).join(' ')
  return desktopEntryHelper().computeDesktopEntry(
    options,
    ['AppRun', args, '%U'].filter(Boolean).join(' '),
  )
}

/** Reads `Key=value` lines of the [Desktop Entry] group. */
export function desktopEntryFields(entry: string): Record<string, string> {
  const group = entry.split(/^\[/m).find((part) => part.startsWith('Desktop Entry]')) ?? ''
  return Object.fromEntries(
    group
      .split('\n')
      .slice(1)
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
}
