import type { Logger } from '../platform/logger'

/** Where links go once the services exist: `Services.handleDeepLink`. */
export type DeepLinkDelivery = (url: string) => Promise<void>

/** Holds links that arrive before the services do, then hands every link on in order. */
export interface DeepLinkInbox {
  /** Takes a link from argv, `second-instance` or `open-url`; never throws. */
  receive(url: string): void
  /** Starts delivery: queued links first, in arrival order, then each as it comes. */
  deliverTo(delivery: DeepLinkDelivery): void
}

// A cold start brings one link; more than a handful before `ready` is a flood, not a user.
const MAX_QUEUED = 8

/**
 * Builds the inbox. macOS sends `open-url` before `ready` when a link launches the app, and a
 * link may arrive while the services are still opening their stores: neither is dropped.
 */
export function createDeepLinkInbox(logger: Logger): DeepLinkInbox {
  const queue: string[] = []
  let delivery: DeepLinkDelivery | null = null

  const deliver = (target: DeepLinkDelivery, url: string) => {
    target(url).catch((error: unknown) => {
      logger.error('deep link delivery failed', {
        errorName: error instanceof Error ? error.name : typeof error,
      })
    })
  }

  return {
    receive(url) {
      if (typeof url !== 'string') return
      if (delivery) return deliver(delivery, url)
      if (queue.length === MAX_QUEUED) {
        queue.shift()
        logger.warn('deep link queue full; oldest link dropped')
      }
      queue.push(url)
    },
    deliverTo(target) {
      delivery = target
      for (const url of queue.splice(0)) deliver(target, url)
    },
  }
}
