// The dependency direction (ENGINEERING.md) is an ESLint rule run by `npm test`; this proves the rule bites.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layering rule', () => {
  it.each([
    ['shared/domain/x.ts', "import { openDatabase } from '../../src-main/db/open.js';"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/domain/x.ts', "import React from 'react';"],
    ['src-renderer/library/x.ts', "import { openDatabase } from '../../src-main/db/open.js';"],
    ['src-renderer/library/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src-renderer/library/x.ts', "import Database from 'better-sqlite3';"],
    ['src-main/services/x.ts', "import { App } from '../../src-renderer/App.js';"],
    ['src-main/services/x.ts', "import { app } from 'electron';"],
    ['src-hub/x.ts', "import { openDatabase } from '../src-main/db/open.js';"],
    ['src-main/services/x.ts', "import { startHub } from '../../src-hub/server.js';"],
    ['src-node/cli/x.ts', "import { openDatabase } from '../../src-main/db/open.js';"],
    ['src-node/cli/x.ts', "import { startHub } from '../../src-hub/server.js';"],
    ['shared/domain/x.ts', "import { parse } from '../../src-node/cli/args.js';"],
    ['src-renderer/library/x.ts', "import { parse } from '../../src-node/cli/args.js';"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await restricted(file, code + '\nexport const y = 1;\n')).toBe(true);
  });

  it.each([
    ['src-renderer/library/x.ts', "import { contract } from '../../shared/contract/methods.js';"],
    ['src-main/services/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-main/api/x.ts', "import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';"],
    ['src-main/cli/x.ts', "import { parse } from '../../src-node/cli/args.js';"],
    ['src-hub/cli/x.ts', "import { readLibraryFile } from '../../src-node/library-files/read.js';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await restricted(file, code + '\nexport const y = 1;\n')).toBe(false);
  });
});
