import { z } from 'zod'
import { secretKeys, type StoredTokens } from './connection-record'
import type { ConnectionRegistry } from './connection-registry'

/** What the keychain holds for a connection's tokens, told apart without exposing any of it. */
export type StoredTokensRead =
  | { kind: 'ok'; tokens: StoredTokens }
  /** No keychain entry at all: deleted by hand, or never written. */
  | { kind: 'missing' }
  /** An entry that is not the app's JSON (an older version, a hand edit); its text is dropped. */
  | { kind: 'unreadable' }

const StoredTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
}) satisfies z.ZodType<StoredTokens>

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    // A SyntaxError quotes the start of its input, which here is a token; it must go no further.
    return undefined
  }
}

/**
 * Reads a connection's tokens from the keychain. Unreadable contents become a value, never an
 * exception: a parse error would carry part of the secret into an error message and the log.
 * Keychain failures (KEYCHAIN_UNAVAILABLE) still throw, since they carry no secret.
 */
export async function readStoredTokens(
  registry: ConnectionRegistry,
  connectionId: string,
): Promise<StoredTokensRead> {
  const raw = await registry.readSecret(secretKeys.tokens(connectionId))
  if (raw === null) return { kind: 'missing' }

  const parsed = StoredTokensSchema.safeParse(parseJson(raw))
  return parsed.success ? { kind: 'ok', tokens: parsed.data } : { kind: 'unreadable' }
}

/** The keychain text of a token pair; the one format readStoredTokens reads back. */
export function encodeStoredTokens(tokens: StoredTokens): string {
  return JSON.stringify(tokens)
}
