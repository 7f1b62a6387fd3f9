#!/usr/bin/env bash
# Every check a change must pass: types, lint and format, the build, and the whole test suite.
# The suite talks to a real keychain, so it runs inside a private D-Bus session with its own
# unlocked gnome-keyring; the person's own keyring is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "npm test needs '$1' (Debian package: $2). See README.md, 'What a fresh Linux machine needs'." >&2
  exit 1
}

if [ -z "${ALLV_TEST_SESSION:-}" ]; then
  need dbus-run-session dbus
  need gnome-keyring-daemon gnome-keyring
  need secret-tool libsecret-tools
  need chromium chromium
  exec env ALLV_TEST_SESSION=1 dbus-run-session -- bash "$0" "$@"
fi

# The keyring lives in a folder of its own that is deleted afterwards, so the person's keyring
# files are never opened; the password only guards this throwaway collection.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
eval "$(printf 'allv-test-keyring' |
  XDG_DATA_HOME="$keyring_home" gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

# `npm start` rebuilds the native modules for Electron; the tests load them in plain Node.
if ! node -e "new (require('better-sqlite3'))(':memory:'); require('keytar')" 2>/dev/null; then
  echo "Rebuilding keytar and better-sqlite3 for Node (they were last built for Electron)..."
  npm rebuild better-sqlite3 keytar >/dev/null
fi

npx tsc --noEmit -p .
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
npx electron-vite build >/dev/null
npx vitest run "$@"
