import { ConnectionsPage } from '../connections/connections-page'
import { WorkflowsPage } from '../workflows/workflows-page'
import { useNavStore, type Page } from './nav-store'
import { NoticesBanner } from './notices-banner'
import { Sidebar } from './sidebar'
import { useLiveData } from './use-live-data'
import './app.css'
import '../ui/buttons.css'
import '../ui/feedback.css'
import '../connections/connections.css'
import '../workflows/workflows.css'
import '../runs/runs.css'

const headings: Record<Page, { title: string; subtitle: string }> = {
  connections: {
    title: 'Connections',
    subtitle: 'Connect the apps you work with. Keys and tokens stay in your system keychain.',
  },
  workflows: {
    title: 'Workflows',
    subtitle: 'Steps that call your apps, run on this computer, with a history you can read.',
  },
}

/** The window: sidebar on the left, the current page with its header on the right. */
export function App() {
  const page = useNavStore((state) => state.page)
  useLiveData()
  const heading = headings[page]

  return (
    <div className="shell">
      <Sidebar />
      <main className="page" aria-labelledby="page-title">
        <header className="page-header">
          <h1 id="page-title" className="page-title">
            {heading.title}
          </h1>
          <p className="page-subtitle">{heading.subtitle}</p>
        </header>
        <NoticesBanner />
        {page === 'connections' ? <ConnectionsPage /> : <WorkflowsPage />}
      </main>
    </div>
  )
}
