import type { AppOrigin } from './app-origin'

/**
 * The renderer's Content-Security-Policy (Electron security checklist #7): scripts, styles and
 * fonts only from the app itself, no inline script, no plugins, no frames, no forms, and no
 * network: the renderer reaches the world through `window.allv` only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The policy for the current mode. Vite's dev server needs an inline React refresh preamble,
 * injected styles and its HMR socket; those allowances exist only when a dev server does.
 */
export function contentSecurityPolicyFor(origin: AppOrigin): string {
  if (!origin.devServer) return CONTENT_SECURITY_POLICY
  const { protocol, host } = origin.devServer
  const socket = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${socket}`)
}

/** Response headers without any CSP or nosniff header (any casing), to be set afresh. */
export function withoutSecurityHeaders(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => !/^(content-security-policy|x-content-type-options)$/i.test(name),
    ),
  )
}

/** Response headers with the policy set, replacing any the response brought. */
export function withSecurityHeaders(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  return {
    ...withoutSecurityHeaders(headers),
    'Content-Security-Policy': [policy],
    'X-Content-Type-Options': ['nosniff'],
  }
}
