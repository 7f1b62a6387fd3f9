/** A plug: the Connections page. */
export function PlugIcon() {
  return (
    <svg className="nav-glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M5.5 1.5v3M10.5 1.5v3M3.5 4.5h9v3a4.5 4.5 0 0 1-9 0v-3ZM8 12v2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** Three linked nodes: the Workflows page. */
export function FlowIcon() {
  return (
    <svg className="nav-glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M4.5 4h4a2 2 0 0 1 2 2v4a2 2 0 0 0 2 2M4.5 4M12.5 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
      <rect x="1" y="2.5" width="3.5" height="3" rx="1" fill="currentColor" />
      <rect x="11.5" y="10.5" width="3.5" height="3" rx="1" fill="currentColor" />
    </svg>
  )
}
