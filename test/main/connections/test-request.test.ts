import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isNetworkFailure } from '../../../src/main/connections/oauth-wire'
import { runTestRequest } from '../../../src/main/connections/test-request'

const request = (url: string) => ({ url, method: 'GET' as const, accountFields: [] })

/** A port that was just free: nothing listens on it, so a connect is refused. */
const closedPort = async () => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('a test request that fails before an answer', () => {
  it('says the server could not be reached when the connection is refused', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/me`

    const attempt = runTestRequest(fetch, request(url), {})

    await expect(attempt).rejects.toMatchObject({
      code: 'CONNECTION_TEST_FAILED',
      message: expect.stringContaining('no answer came back'),
    })
  })

  it('says a bad header value could not be sent, not that the server is unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/me`
    const value = 'a\r\nX-Evil: 1 secret-header-value'

    const attempt = runTestRequest(fetch, request(url), { Authorization: value })

    await expect(attempt).rejects.toMatchObject({
      code: 'CONNECTION_TEST_FAILED',
      message: expect.stringContaining('could not be sent'),
    })
    const error = await attempt.then(
      () => new Error('expected the request to fail'),
      (caught: Error) => caught,
    )
    expect(error.message).not.toMatch(/Could not reach/)
    expect(`${error.message} ${String(error.cause)}`).not.toContain('secret-header-value')
  })
})

describe('telling a network failure from other TypeErrors', () => {
  it("counts only undici's `fetch failed` with a cause", async () => {
    const refused = await fetch(`http://127.0.0.1:${await closedPort()}/`).catch((e) => e)
    const badHeader = await fetch('http://127.0.0.1:9/', { headers: { A: 'x\ny' } }).catch((e) => e)

    expect(isNetworkFailure(refused)).toBe(true)
    expect(isNetworkFailure(badHeader)).toBe(false)
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(false)
    expect(isNetworkFailure(new DOMException('late', 'TimeoutError'))).toBe(true)
  })
})
