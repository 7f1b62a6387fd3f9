import { useEffect, useState } from 'react'
import { allv } from '../allv'

/** Tells the person once what the app had to recover at start, such as a file moved aside. */
export function NoticesBanner() {
  const [notices, setNotices] = useState<string[]>([])

  useEffect(() => {
    allv()
      .app.notices()
      .then(setNotices)
      .catch(() => setNotices([]))
  }, [])

  if (notices.length === 0) return null
  return (
    <div className="banner banner-warning notices" role="status">
      <strong className="banner-title">allv recovered from a problem at start</strong>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </div>
  )
}
