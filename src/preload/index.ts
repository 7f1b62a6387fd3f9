import { contextBridge, ipcRenderer } from 'electron'
import { createAllvBridge } from '../shared/api-client'
import { createIpcTransport } from './ipc-transport'

// The page gets named functions only, one per contract entry; never ipcRenderer itself nor a
// generic invoke, so a script in the page can reach nothing the contract does not list.
contextBridge.exposeInMainWorld('allv', createAllvBridge(createIpcTransport(ipcRenderer)))
