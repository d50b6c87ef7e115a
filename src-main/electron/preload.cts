/**
 * The sandboxed preload (CommonJS: a sandboxed preload cannot be an ES module). It exposes exactly one thing to the
 * page, `window.greendesk.invoke(method, input, meta)`, over the one IPC channel. It imports nothing of ours but the
 * channel name (electron-vite inlines it), so the bundle out/preload/index.cjs requires nothing but 'electron' —
 * scripts/pack-dir.mjs and test/unit/electron-ipc.test.ts check that.
 */
import type * as Electron from 'electron';
import type { CallMetaWire, GreenDeskBridge } from '../../shared/contract/bridge.js';
import type { Result } from '../../shared/errors.js';
import { IPC_CHANNEL } from '../../shared/contract/channel.js';

const { contextBridge, ipcRenderer } = require('electron') as typeof Electron;

const bridge = {
  invoke(method: string, input: unknown, meta?: CallMetaWire): Promise<Result<unknown>> {
    return ipcRenderer.invoke(IPC_CHANNEL, method, input, meta) as Promise<Result<unknown>>;
  },
} satisfies GreenDeskBridge;

contextBridge.exposeInMainWorld('greendesk', bridge);
