import { describe, expect, it } from 'vitest'
import { createDeepLinkInbox } from '../../../src/main/desktop/deep-link-inbox'
import { protocolClientArgs } from '../../../src/main/desktop/protocol-client'
import { createLogger } from '../../../src/main/platform/logger'

const silent = createLogger(() => {})

describe('the deep-link inbox', () => {
  it('queues links that arrive before delivery starts, then hands them on in order', async () => {
    const inbox = createDeepLinkInbox(silent)
    const delivered: string[] = []

    inbox.receive('com.allv.desktop:/oauth/a?state=1&code=1')
    inbox.receive('com.allv.desktop:/oauth/b?state=2&code=2')
    expect(delivered).toEqual([])

    inbox.deliverTo(async (url) => void delivered.push(url))
    inbox.receive('com.allv.desktop:/oauth/c?state=3&code=3')

    expect(delivered.map((url) => url.split('?')[0])).toEqual([
      'com.allv.desktop:/oauth/a',
      'com.allv.desktop:/oauth/b',
      'com.allv.desktop:/oauth/c',
    ])
  })

  it('keeps at most eight queued links, dropping the oldest', () => {
    const inbox = createDeepLinkInbox(silent)
    for (let i = 0; i < 20; i++) inbox.receive(`link-${i}`)

    const delivered: string[] = []
    inbox.deliverTo(async (url) => void delivered.push(url))

    expect(delivered).toEqual(Array.from({ length: 8 }, (_, i) => `link-${i + 12}`))
  })

  it('logs a failed delivery by error name and keeps going', async () => {
    const lines: string[] = []
    const inbox = createDeepLinkInbox(createLogger((line) => lines.push(line)))
    let failed!: () => void
    const failure = new Promise<void>((resolve) => (failed = resolve))

    inbox.deliverTo(async () => {
      failed()
      throw new RangeError('code=CANARY')
    })
    inbox.receive('com.allv.desktop:/oauth/github?code=CANARY&state=S1')
    await failure
    await Promise.resolve()

    expect(lines.join('\n')).toContain('RangeError')
    expect(lines.join('\n')).not.toContain('CANARY')
  })
})

describe('protocolClientArgs', () => {
  it('registers Electron, the app path and -- in development', () => {
    const args = protocolClientArgs({
      defaultApp: true,
      execPath: '/work/node_modules/electron/dist/electron',
      appPath: '/work/allv',
    })
    expect(args).toEqual([
      'com.allv.desktop',
      '/work/node_modules/electron/dist/electron',
      ['/work/allv', '--'],
    ])
  })

  it('registers the app executable with -- before the link when packaged', () => {
    const args = protocolClientArgs({
      defaultApp: false,
      execPath: 'C:\\Program Files\\allv\\allv.exe',
      appPath: 'C:\\Program Files\\allv\\resources\\app.asar',
    })
    expect(args).toEqual(['com.allv.desktop', 'C:\\Program Files\\allv\\allv.exe', ['--']])
  })
})
