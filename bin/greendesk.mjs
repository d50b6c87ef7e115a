#!/usr/bin/env node
// The `greendesk` command. Runs the TypeScript sources through tsx's loader, so `npx greendesk` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
