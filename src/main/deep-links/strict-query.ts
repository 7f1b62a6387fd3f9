/** Why a query string was refused; stable codes the deep-link log and tests match on. */
export type QueryFault =
  | 'empty-parameter'
  | 'bad-parameter-name'
  | 'malformed-percent-encoding'
  | 'control-character'
  | 'duplicate-parameter'
  | 'too-many-parameters'

/** A query parsed strictly, or the first fault found in it. */
export type StrictQueryResult =
  { ok: true; params: URLSearchParams } | { ok: false; fault: QueryFault }

const MAX_PARAMETERS = 16
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/
// Every `%` must start a two-digit escape; URLSearchParams would silently keep a bad one.
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2})/

/**
 * Parses `application/x-www-form-urlencoded` as an OAuth redirect carries it (RFC 6749 §4.1.2)
 * but refuses what `URLSearchParams` forgives: bad escapes, invalid UTF-8, control characters,
 * empty pairs and any name given twice (RFC 6749 §3.1: parameters MUST NOT repeat).
 */
export function parseStrictQuery(query: string): StrictQueryResult {
  const params = new URLSearchParams()
  if (query === '') return { ok: true, params }

  const pairs = query.split('&')
  if (pairs.length > MAX_PARAMETERS) return { ok: false, fault: 'too-many-parameters' }

  for (const pair of pairs) {
    if (pair === '') return { ok: false, fault: 'empty-parameter' }
    const equals = pair.indexOf('=')
    const rawName = equals === -1 ? pair : pair.slice(0, equals)
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1)

    if (!PARAMETER_NAME.test(rawName)) return { ok: false, fault: 'bad-parameter-name' }
    const value = decodeFormValue(rawValue)
    if (value === null) return { ok: false, fault: 'malformed-percent-encoding' }
    if (hasControlCharacter(value)) return { ok: false, fault: 'control-character' }
    if (params.has(rawName)) return { ok: false, fault: 'duplicate-parameter' }
    params.append(rawName, value)
  }
  return { ok: true, params }
}

// C0 controls, DEL and C1 controls: none belongs in an OAuth response value, and NUL or CR/LF
// in one could cut or split a string further down.
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return true
  }
  return false
}

function decodeFormValue(raw: string): string | null {
  if (LONE_PERCENT.test(raw)) return null
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    // decodeURIComponent throws on escapes that do not form valid UTF-8.
    return null
  }
}
