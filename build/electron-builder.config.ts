import type { Configuration } from 'electron-builder'

/** The private-use scheme of the OAuth redirects (RFC 8252 §7.1); see src/main/deep-links. */
const APP_SCHEME = 'com.allv.desktop'

/**
 * Packages for every OS: AppImage and deb, dmg, NSIS. `npm run dist` builds the one for the
 * current OS (it needs the Electron binary); test/build checks this file statically.
 */
const config: Configuration = {
  appId: 'com.allv.desktop',
  productName: 'allv',
  copyright: 'Copyright © allv',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**/*', '!out/**/*.map', 'package.json'],
  // Electron takes its Linux app id (and WM_CLASS) from desktopName; the installed
  // allv.desktop, its StartupWMClass and the xdg-settings registration all match it.
  extraMetadata: { desktopName: 'allv.desktop' },

  asar: true,
  // Native addons (keytar, better-sqlite3) cannot be loaded from inside the archive.
  asarUnpack: ['**/*.node'],
  // Rebuilds keytar and better-sqlite3 against Electron's ABI before packaging. That happens
  // in node_modules, so build/dist.mjs rebuilds them for plain Node again afterwards.
  npmRebuild: true,
  buildDependenciesFromSource: false,

  // CFBundleURLTypes on macOS and MimeType=x-scheme-handler/… on Linux come from this; Windows
  // gets the same registration from build/installer.nsh and, at run time, from the app.
  protocols: [{ name: 'allv sign-in callback', schemes: [APP_SCHEME] }],

  // Electron security checklist #19. Nothing in src/ forks the app binary as Node (a test in
  // test/build checks it), so RunAsNode can go; nothing needs NODE_OPTIONS or --inspect either.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/icon.png',
  },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icons',
    executableName: 'allv',
    syncDesktopName: true,
    synopsis: 'Connect your apps and run workflows on your own machine',
    desktop: { entry: { StartupNotify: 'true', Keywords: 'workflow;automation;oauth;' } },
  },
  // The legacy AppImage toolset would add --no-sandbox to the launcher; keep Chromium's sandbox.
  // Where unprivileged user namespaces are off, install the deb, whose chrome-sandbox is setuid.
  appImage: { executableArgs: [] },
}

export default config
