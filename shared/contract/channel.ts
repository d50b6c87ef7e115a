/** The IPC channel the preload bridge uses; the only thing the preload imports (no other code may be bundled in). */
export const IPC_CHANNEL = 'greendesk:invoke';
