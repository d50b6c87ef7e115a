#!/usr/bin/env node
// The `greendesk` command. Runs the TypeScript sources through tsx's loader, so `npx greendesk` works right
// after `npm install` with no build step. `greendesk hub …` is the hub's CLI (src-hub), everything else the app's
// (src-main): the two never import each other, so the routing is here.
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const { commandName } = await import('../src-node/cli/run.ts');
const { runCli } = commandName(argv) === 'hub' ? await import('../src-hub/cli/main.ts') : await import('../src-main/cli/main.ts');
process.exitCode = await runCli(argv);
