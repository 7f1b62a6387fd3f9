/** Time as the services see it, so a test can pin it. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
