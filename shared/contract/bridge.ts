/**
 * What the sandboxed preload exposes to the renderer as `window.greendesk`: one generic call over the IPC channel,
 * answered with the same result envelope every transport uses. The preload's object `satisfies` this interface.
 */
import type { Result } from '../errors.js';

/** What a call carries besides its input: the UI language and the signed-in session, if any. */
export interface CallMetaWire {
  lang?: string;
  sessionId?: string;
}

export interface GreenDeskBridge {
  invoke(method: string, input: unknown, meta?: CallMetaWire): Promise<Result<unknown>>;
}
