import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useConnectionsStore } from '../../../src/renderer/connections/connections-store'
import { connectionView, installFakeAllv } from '../fake-allv'

const initial = useConnectionsStore.getState()

type Store = ReturnType<typeof useConnectionsStore.getState>

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

  it.each([
    ['a check', (store: Store) => store.check('c-1', 'entry:github')],
    ['a disconnect', (store: Store) => store.disconnect('c-1', 'entry:github')],
    [
      'an API-key connect',
      (store: Store) => store.connectApiKey({ providerId: 'apikey', apiKey: 'k' }, 'entry:apikey'),
    ],
  ])('lowers the keychain banner once %s goes through', async (_name, call) => {
    installFakeAllv({
      connections: {
        check: vi.fn(async () => connectionView()),
        connectApiKey: vi.fn(async () => connectionView({ id: 'c-2', providerId: 'apikey' })),
      },
    })
    useConnectionsStore.setState({
      connections: [connectionView()],
      keychainProblem: 'No keychain answered.',
    })
    await call(useConnectionsStore.getState())
    expect(useConnectionsStore.getState().keychainProblem).toBeNull()
  })

  it('lowers the keychain banner when a browser flow ends connected', async () => {
    const { emit } = installFakeAllv()
    const unsubscribe = useConnectionsStore.getState().subscribe()
    await useConnectionsStore.getState().startOAuth({ providerId: 'github' }, 'entry:github')
    useConnectionsStore.setState({ keychainProblem: 'No keychain answered.' })
    emit('oauth:flowEnded', {
      flowId: 'flow-1',
      providerId: 'github',
      outcome: 'connected',
      connectionId: 'c-1',
      message: null,
    })
    expect(useConnectionsStore.getState().keychainProblem).toBeNull()
    unsubscribe()
  })

  it('keeps the keychain banner while the keychain still refuses', async () => {
    const refusal = Object.assign(new Error('Still locked.'), { code: 'KEYCHAIN_UNAVAILABLE' })
    installFakeAllv({ connections: { check: vi.fn(async () => Promise.reject(refusal)) } })
    useConnectionsStore.setState({ keychainProblem: 'No keychain answered.' })
    await useConnectionsStore.getState().check('c-1', 'entry:github')
    expect(useConnectionsStore.getState().keychainProblem).toBe('Still locked.')
  })

  it('forgets a disconnected connection once main confirms', async () => {
    installFakeAllv()
    useConnectionsStore.setState({ connections: [connectionView()] })
    await useConnectionsStore.getState().disconnect('c-1', 'entry:github')
    expect(useConnectionsStore.getState().connections).toEqual([])
  })
})
