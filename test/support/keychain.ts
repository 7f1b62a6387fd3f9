import { execFileSync, spawnSync } from 'node:child_process'
import { SECRET_SERVICE } from '../../src/main/secrets/secret-store'

/**
 * The keychain items filed under the app's service, as `secret-tool` (libsecret) sees them:
 * proof from outside the app that a secret did or did not land in the Secret Service.
 */
export function keychainAccounts(service: string = SECRET_SERVICE): string[] {
  const search = spawnSync('secret-tool', ['search', '--all', 'service', service], {
    encoding: 'utf8',
  })
  if (search.error) throw search.error
  // secret-tool prints labels and secrets on stdout, attributes on stderr.
  const output = `${search.stdout}\n${search.stderr}`
  return [...output.matchAll(/^attribute\.account = (.*)$/gm)].map((match) => match[1] ?? '')
}

/** The secret stored for one account, as `secret-tool lookup` reads it; null when absent. */
export function keychainLookup(account: string, service: string = SECRET_SERVICE): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
  } catch {
    return null
  }
}
