/** What history shows in place of a secret. */
export const REDACTED = '[redacted]'

/** Headers that carry credentials whatever the provider; compared in lower case. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
])
/** Header names that announce a secret even when nobody told us about them. */
const SECRET_LOOKING_NAME = /token|secret|password|api[-_]?key|session/i
/** Shorter fragments are too likely to match ordinary text to be worth replacing. */
const MIN_SECRET_LENGTH = 8

/**
 * Scrubs credentials from what history records. Headers known to carry them are replaced
 * whole, and every value the connection handed over is replaced wherever else it shows up, so
 * a server that echoes the Authorization header back does not put the token in the journal.
 */
export interface Redactor {
  /** Adds the headers a connection supplied: their names and values become secret. */
  addCredentials(headers: Record<string, string>): void
  headers(headers: Record<string, string>): Record<string, string>
  text(text: string): string
}

/** Creates a redactor that knows no secret yet beyond the usual header names. */
export function createRedactor(): Redactor {
  const secretNames = new Set(CREDENTIAL_HEADERS)
  const secretValues = new Set<string>()

  const text = (value: string): string => {
    let result = value
    // Longest first, so a token is replaced whole before any fragment of it is.
    const secrets = [...secretValues].sort((a, b) => b.length - a.length)
    for (const secret of secrets) result = result.split(secret).join(REDACTED)
    return result
  }

  return {
    addCredentials: (headers) => {
      for (const [name, value] of Object.entries(headers)) {
        secretNames.add(name.toLowerCase())
        // `Bearer abc…`: the token alone may appear elsewhere without its scheme word.
        for (const candidate of [value.trim(), ...value.split(/\s+/)]) {
          if (candidate.length >= MIN_SECRET_LENGTH) secretValues.add(candidate)
        }
      }
    },
    headers: (headers) =>
      Object.fromEntries(
        Object.entries(headers).map(([name, value]) => {
          const secret = secretNames.has(name.toLowerCase()) || SECRET_LOOKING_NAME.test(name)
          return [name, secret ? REDACTED : text(value)]
        }),
      ),
    text,
  }
}
