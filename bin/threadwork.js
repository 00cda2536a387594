#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.js): one file per command to load, not ~190 modules.
import { run } from '../dist/bundle/main.js';

process.exitCode = await run(process.argv.slice(2));
