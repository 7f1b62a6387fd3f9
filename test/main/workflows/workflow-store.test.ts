import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAllvError } from '../../../src/main/platform/errors'
import { silentLogger } from '../../../src/main/platform/logger'
import { createWorkflowStore, openWorkflowsFile } from '../../../src/main/workflows/workflow-store'
import { draft, httpStep, openService, tempDataDir } from './workflow-test-kit'

describe('workflow store', () => {
  let data: ReturnType<typeof tempDataDir>
  beforeEach(() => {
    data = tempDataDir()
  })
  afterEach(() => data.remove())

  let tick = 0
  const clock = { now: () => Date.UTC(2025, 5, 1) + tick++ * 1000 }
  const open = () => {
    const file = openWorkflowsFile({ dataDir: data.dir, logger: silentLogger, clock })
    return { file, store: createWorkflowStore(file, clock) }
  }

  it('keeps saved workflows after quitting and opening again', () => {
    const saved = open().store.save(draft([httpStep('fetch', 'https://example.com/items')]))

    const { store } = open()

    expect(store.list()).toEqual([saved])
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  })

  it('keeps the id and creation time on a later save and moves updatedAt', () => {
    const { store } = open()
    const first = store.save(draft([], 'Before'))
    const second = store.save({ ...draft([], 'After'), id: first.id })

    expect(store.list()).toHaveLength(1)
    expect(second.createdAt).toBe(first.createdAt)
    expect(second.updatedAt > first.updatedAt).toBe(true)
    expect(store.get(first.id)?.name).toBe('After')
  })

  it('deletes a workflow and says NOT_FOUND for one that is not there', () => {
    const { store } = open()
    const saved = store.save(draft([]))
    store.delete(saved.id)

    expect(open().store.list()).toEqual([])
    expect(() => store.delete(saved.id)).toThrow(/No workflow/)
  })

  it('moves a corrupted workflows.json aside with nothing lost and starts empty', () => {
    const path = join(data.dir, 'workflows.json')
    const broken = '{"workflows": [{"schemaVersion": 1, "id": "x", "name": '
    writeFileSync(path, broken)

    const { file, store } = open()

    expect(store.list()).toEqual([])
    expect(file.recovery?.message).toMatch(/workflows\.json could not be read \(invalid JSON\)/)
    const aside = readdirSync(data.dir).filter((name) => name.startsWith('workflows.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(data.dir, aside[0] ?? ''), 'utf8')).toBe(broken)
  })

  it('keeps reading the other workflows when one document cannot be read', () => {
    const path = join(data.dir, 'workflows.json')
    const good = open().store.save(draft([], 'Good'))
    const newer = { ...good, id: 'from-v2', name: 'From a newer allv', schemaVersion: 2 }
    writeFileSync(path, JSON.stringify({ workflows: [newer, good] }))

    const { file, store } = open()
    const added = store.save(draft([], 'Added'))
    store.delete(good.id)

    expect(file.recovery).toBeNull()
    expect(store.list()).toEqual([added])
    expect(store.unreadable()).toEqual([
      { reason: expect.stringMatching(/^workflows\[0\] \("From a newer allv"\): schemaVersion: /) },
    ])
    expect(JSON.parse(readFileSync(path, 'utf8')).workflows[0]).toEqual(newer)
    expect(readdirSync(data.dir).filter((name) => name.includes('corrupt'))).toEqual([])
  })

  it('says in the service notices which workflow was left unread', async () => {
    writeFileSync(
      join(data.dir, 'workflows.json'),
      JSON.stringify({ workflows: [{ schemaVersion: 1, id: 'bad id!', name: 'Hand edit' }] }),
    )

    const { service } = openService(data.dir)
    const notices = service.notices()
    await service.close()

    expect(notices).toEqual([
      '1 workflow in workflows.json could not be read and was left as it is: ' +
        'workflows[0] ("Hand edit"): id: must be 1-64 letters, digits, "-" or "_"',
    ])
  })

  it('moves aside a workflows.json whose workflows are not a list', () => {
    writeFileSync(join(data.dir, 'workflows.json'), JSON.stringify({ workflows: 'none' }))

    const { file, store } = open()

    expect(file.recovery?.reason).toMatch(/^workflows: /)
    expect(store.list()).toEqual([])
  })

  it('refuses an invalid draft without writing anything', () => {
    const { store } = open()
    store.save(draft([]))
    let error: unknown
    try {
      store.save(draft([httpStep('a', 'ht!tp:/nope')]))
    } catch (caught) {
      error = caught
    }

    expect(isAllvError(error, 'WORKFLOW_INVALID')).toBe(true)
    expect(open().store.list()).toHaveLength(1)
  })
})
