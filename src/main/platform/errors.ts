/** Stable codes for every error a caller may act on; the renderer and tests match on these. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'KEYCHAIN_UNAVAILABLE'
  | 'PROVIDER_UNKNOWN'
  | 'ISSUER_UNREACHABLE'
  | 'ISSUER_INVALID'
  | 'AUTH_STATE_MISMATCH'
  | 'AUTH_DENIED'
  | 'AUTH_FAILED'
  | 'TOKEN_EXCHANGE_FAILED'
  | 'NEEDS_RECONNECT'
  | 'API_KEY_REJECTED'
  | 'CONNECTION_TEST_FAILED'
  | 'WORKFLOW_INVALID'
  | 'STEP_FAILED'
  | 'NETWORK_UNAVAILABLE'
  | 'INTERNAL'
  | 'STORAGE_UNREADABLE'
  | 'RUN_INTERRUPTED'
  | 'EXPRESSION_FAILED'

/**
 * The one error class of the main side. `message` is written for the person using the app
 * (what was wrong and what to do) and never contains a secret; `cause` keeps the original.
 */
export class AllvError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AllvError'
    this.code = code
  }
}

export function isAllvError(error: unknown, code?: ErrorCode): error is AllvError {
  return error instanceof AllvError && (code === undefined || error.code === code)
}
