import { describe, expect, it } from 'vitest'
import { buildTiles, tileStatus } from '../../../src/renderer/connections/tiles'
import { catalogEntry, connectionView } from '../fake-allv'

const github = catalogEntry()
const generic = catalogEntry({ id: 'oauth2', name: 'OAuth 2.0 / OpenID Connect', generic: true })

describe('buildTiles', () => {
  it('gives every catalog entry one tile, in catalog order', () => {
    const tiles = buildTiles([github, generic], [])
    expect(tiles.map((tile) => tile.title)).toEqual(['GitHub', 'OAuth 2.0 / OpenID Connect'])
    expect(tiles.every((tile) => tile.connection === null)).toBe(true)
  })

  it('shows a catalog entry’s connection on the entry’s own tile', () => {
    const [tile] = buildTiles([github], [connectionView()])
    expect(tile?.connection?.account).toBe('octocat')
    expect(tile?.extra).toBe(false)
  })

  it('puts each connection of a generic entry on its own tile after the entry', () => {
    const sso = connectionView({ id: 'c-sso', providerId: 'oauth2', label: 'Company SSO' })
    const lab = connectionView({ id: 'c-lab', providerId: 'oauth2', label: 'Lab IdP' })
    const tiles = buildTiles([generic, github], [sso, lab])
    expect(tiles.map((tile) => tile.title)).toEqual([
      'OAuth 2.0 / OpenID Connect',
      'Company SSO',
      'Lab IdP',
      'GitHub',
    ])
    expect(tiles[0]).toMatchObject({ adds: true, connection: null, connectionCount: 2 })
    expect(tiles[1]).toMatchObject({ extra: true, key: 'connection:c-sso' })
  })

  it('names an unlabelled connection tile after its account', () => {
    const unnamed = connectionView({ providerId: 'oauth2', label: ' ', account: 'a@b.test' })
    expect(buildTiles([generic], [unnamed])[1]?.title).toBe('a@b.test')
  })
})

describe('tileStatus', () => {
  it('reports a waiting browser flow over the stored status', () => {
    const [tile] = buildTiles([github], [connectionView({ status: 'needsReconnect' })])
    expect(tile && tileStatus(tile, true)).toBe('connecting')
    expect(tile && tileStatus(tile, false)).toBe('needsReconnect')
  })
})
