import { createRequire } from 'node:module';

const requireJson = createRequire(import.meta.url);
/** The app's version from package.json (the one place it is written). */
export const APP_VERSION: string = (() => {
  for (const rel of ['../../package.json', '../package.json', '../../../package.json']) {
    try {
      const pkg = requireJson(rel) as { name?: string; version?: string };
      if (pkg.name === 'greendesk' && pkg.version) return pkg.version;
    } catch {
      // try the next location (source tree vs. bundled out/main)
    }
  }
  return '0.0.0';
})();
