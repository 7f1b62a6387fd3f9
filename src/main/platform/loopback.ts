/**
 * Whether a URL's host is this machine: `localhost`, `[::1]` or any of 127.0.0.0/8. Plain
 * http is acceptable only there (RFC 8252 §7.3 and §8.3): the traffic never leaves the device.
 */
export function isLoopbackUrl(url: string): boolean {
  const host = URL.parse(url)?.hostname
  if (host === undefined) return false
  // The URL parser has already turned `127.1` and `0x7f.0.0.1` into dotted decimal.
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
