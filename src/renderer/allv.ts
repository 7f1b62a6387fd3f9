import { createAllvApi, type AllvApi, type AllvBridge } from '../shared/api-client'

declare global {
  interface Window {
    /** The bridge the preload (or the test harness) exposes; nothing else reaches main. */
    allv: AllvBridge
  }
}

let wrapped: { bridge: AllvBridge; api: AllvApi } | null = null

/** The API to main, unwrapped from the bridge; read lazily so tests can install it late. */
export function allv(): AllvApi {
  if (wrapped?.bridge !== window.allv) {
    wrapped = { bridge: window.allv, api: createAllvApi(window.allv) }
  }
  return wrapped.api
}

/** An error as the UI shows it: a stable code to branch on and a message for the person. */
export interface UiError {
  code: string
  message: string
}

/**
 * Reads the code and message of a rejected call. Duck-typed rather than `instanceof`, because
 * an error that crosses the context bridge is a copy, not an `AllvApiError` instance.
 */
export function toUiError(error: unknown): UiError {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    return {
      code: typeof code === 'string' ? code : 'UNKNOWN',
      message: typeof message === 'string' && message ? message : 'Something went wrong.',
    }
  }
  return { code: 'UNKNOWN', message: String(error) }
}

export const KEYCHAIN_UNAVAILABLE = 'KEYCHAIN_UNAVAILABLE'
