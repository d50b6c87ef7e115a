/**
 * What the sandboxed preload exposes to the renderer as `window.greendesk`: one generic call over the IPC channel,
 * answered with the same result envelope every transport uses. The preload's object `satisfies` this interface.
 */
import type { Result } from '../errors.js';

export interface GreenDeskBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}
