import { create } from 'zustand'

/** The pages of the app, in sidebar order. */
export const pages = ['connections', 'workflows'] as const
export type Page = (typeof pages)[number]

interface NavState {
  page: Page
  go(page: Page): void
}

function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '')
  return pages.find((page) => page === name) ?? 'connections'
}

/** Which page is showing; mirrored in the URL hash so a reload keeps the place. */
export const useNavStore = create<NavState>()((set) => ({
  page: pageFromHash(window.location.hash),
  go(page) {
    window.history.replaceState(null, '', `#/${page}`)
    set({ page })
  },
}))
