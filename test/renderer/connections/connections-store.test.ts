import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useConnectionsStore } from '../../../src/renderer/connections/connections-store'
import { connectionView, installFakeAllv } from '../fake-allv'

const initial = useConnectionsStore.getState()

beforeEach(() => useConnectionsStore.setState(initial, true))
afterEach(() => vi.unstubAllGlobals())

describe('connections store', () => {
  it('keeps a tile connecting until main reports how the browser flow ended', async () => {
    const { emit } = installFakeAllv()
    const unsubscribe = useConnectionsStore.getState().subscribe()
    await useConnectionsStore.getState().startOAuth({ providerId: 'oauth2' }, 'entry:oauth2')
    expect(useConnectionsStore.getState().flows['flow-1']?.tileKey).toBe('entry:oauth2')

    emit('oauth:flowEnded', {
      flowId: 'flow-1',
      providerId: 'oauth2',
      outcome: 'failed',
      connectionId: null,
      message: 'The provider answered access_denied.',
    })

    const state = useConnectionsStore.getState()
    expect(state.flows).toEqual({})
    expect(state.messages['entry:oauth2']).toEqual({
      tone: 'error',
      text: 'The provider answered access_denied.',
    })
    unsubscribe()
  })

  it('takes the connection list main pushes as the truth', () => {
    const { emit } = installFakeAllv()
    const unsubscribe = useConnectionsStore.getState().subscribe()
    emit('connections:changed', [connectionView({ status: 'needsReconnect' })])
    expect(useConnectionsStore.getState().connections[0]?.status).toBe('needsReconnect')
    unsubscribe()
  })

  it('raises the keychain banner when main cannot reach a keychain', async () => {
    const refusal = Object.assign(new Error('No keychain answered.'), {
      code: 'KEYCHAIN_UNAVAILABLE',
    })
    installFakeAllv({ connections: { connectApiKey: vi.fn(async () => Promise.reject(refusal)) } })
    const attempt = useConnectionsStore
      .getState()
      .connectApiKey({ providerId: 'apikey', apiKey: 'k' }, 'entry:apikey')
    await expect(attempt).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(useConnectionsStore.getState().keychainProblem).toBe('No keychain answered.')
    expect(useConnectionsStore.getState().connections).toEqual([])
  })

  it('forgets a disconnected connection once main confirms', async () => {
    installFakeAllv()
    useConnectionsStore.setState({ connections: [connectionView()] })
    await useConnectionsStore.getState().disconnect('c-1', 'entry:github')
    expect(useConnectionsStore.getState().connections).toEqual([])
  })
})
