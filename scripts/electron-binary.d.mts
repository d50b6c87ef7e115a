export function findElectronBinary(root: string): { path: string; distDir: string } | { reason: string };
