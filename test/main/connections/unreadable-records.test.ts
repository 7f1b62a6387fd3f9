import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionRecord } from '../../../src/main/connections/connection-record'
import {
  createConnectionsFixture,
  type ConnectionsFixture,
} from '../../support/connections-fixture'

let fixture: ConnectionsFixture

beforeEach(() => {
  fixture = createConnectionsFixture()
})
afterEach(async () => {
  await fixture.close()
})

/** A record an older version or a hand edit left behind: it names its app, little else. */
const damaged = (id: string, providerId: unknown) =>
  ({ id, providerId, label: 3 }) as unknown as ConnectionRecord

describe('connection records that cannot be read', () => {
  it('are reported as a notice naming the app, and left in the file', async () => {
    fixture.store.set('connections', { broken: damaged('broken', 'github') })

    expect(await fixture.service.list()).toEqual([])
    expect(fixture.service.notices()).toEqual([
      '1 connection in connections.json (GitHub) could not be read and was left as it is; ' +
        'reconnect it from its tile.',
    ])
    expect(fixture.store.get('connections').broken).toEqual(damaged('broken', 'github'))
  })

  it('are counted together, naming the apps that are known', async () => {
    fixture.store.set('connections', {
      one: damaged('one', 'slack'),
      two: damaged('two', 'no-such-app'),
      three: damaged('three', 'slack'),
    })

    expect(fixture.service.notices()).toEqual([
      '3 connections in connections.json (Slack) could not be read and were left as they are; ' +
        'reconnect them from their tiles.',
    ])
  })

  it('give no notice when every record reads', () => {
    expect(fixture.service.notices()).toEqual([])
  })

  it('are logged once, not on every listing', async () => {
    fixture.store.set('connections', { broken: damaged('broken', 'github') })

    for (let time = 0; time < 3; time += 1) await fixture.service.list()

    const skipped = fixture.logLines.filter((line) => line.includes('does not parse'))
    expect(skipped).toHaveLength(1)
  })
})
