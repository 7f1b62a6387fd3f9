import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import { reshapeTokenResponse } from '../../../src/main/connections/token-response-shapes'
import { expiresAtFrom } from '../../../src/main/connections/token-lifetime'

const as: oauth.AuthorizationServer = {
  issuer: 'https://provider.example',
  token_endpoint: 'https://provider.example/token',
}
const client = { client_id: 'client' }

const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const read = async (shape: 'slack' | 'github', body: unknown, status = 200) =>
  oauth.processRefreshTokenResponse(
    as,
    client,
    await reshapeTokenResponse(shape, answer(body, status)),
  )

describe('token responses shaped the provider’s own way', () => {
  it('lifts the Slack user token out of authed_user', async () => {
    const tokens = await read('slack', {
      ok: true,
      access_token: 'bot-token',
      token_type: 'bot',
      authed_user: {
        access_token: 'user-token',
        token_type: 'user',
        refresh_token: 'r',
        expires_in: 43200,
        scope: 'chat:write,channels:read',
      },
    })

    expect(tokens).toMatchObject({
      access_token: 'user-token',
      refresh_token: 'r',
      expires_in: 43200,
      scope: 'chat:write channels:read',
    })
  })

  it('turns a Slack `ok: false` with HTTP 200 into an OAuth error', async () => {
    await expect(
      read('slack', { ok: false, error: 'invalid_refresh_token' }),
    ).rejects.toMatchObject({
      error: 'invalid_refresh_token',
    })
  })

  it('turns a GitHub error answered with HTTP 200 into an OAuth error', async () => {
    await expect(read('github', { error: 'bad_verification_code' })).rejects.toMatchObject({
      error: 'bad_verification_code',
    })
  })

  it('leaves a good GitHub answer as it is', async () => {
    const tokens = await read('github', {
      access_token: 'gho_x',
      token_type: 'bearer',
      scope: 'repo',
    })

    expect(tokens.access_token).toBe('gho_x')
  })
})

describe('token lifetime', () => {
  it('treats a token without expires_in as expiring in one hour', () => {
    const clock = { now: () => 1_000_000 }

    expect(expiresAtFrom({ access_token: 'a', token_type: 'bearer' }, clock)).toBe(
      1_000_000 + 3_600_000,
    )
    expect(expiresAtFrom({ access_token: 'a', token_type: 'bearer', expires_in: 60 }, clock)).toBe(
      1_060_000,
    )
  })
})
