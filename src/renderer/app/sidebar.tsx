import type { JSX } from 'react'
import { useConnectionsStore } from '../connections/connections-store'
import { FlowIcon, PlugIcon } from './nav-icons'
import { useNavStore, type Page } from './nav-store'

const labels: Record<Page, string> = { connections: 'Connections', workflows: 'Workflows' }
const icons: Record<Page, () => JSX.Element> = { connections: PlugIcon, workflows: FlowIcon }

/** The app's left column: its name, then one link per page. */
export function Sidebar() {
  const page = useNavStore((state) => state.page)
  const go = useNavStore((state) => state.go)
  const attention = useConnectionsStore(
    (state) => state.connections.filter((connection) => connection.status !== 'connected').length,
  )

  return (
    <aside className="sidebar">
      <div className="sidebar-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            a
          </span>
          <span className="brand-name">allv</span>
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {(Object.keys(labels) as Page[]).map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="nav-link"
                  aria-current={page === name ? 'page' : undefined}
                  onClick={() => go(name)}
                >
                  {icons[name]()}
                  {labels[name]}
                  {name === 'connections' && attention > 0 && (
                    <span className="nav-count" aria-label={`${attention} need attention`}>
                      {attention}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar-foot">Runs on this computer. Secrets stay in your keychain.</p>
      </div>
    </aside>
  )
}
