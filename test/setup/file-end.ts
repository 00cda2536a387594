import { afterAll } from 'vitest';
import { runFileEnd } from '../helpers/file-end.js';

// A worker runs the next test file in this process (vitest.config.ts: isolate false): the
// environment is given back as this file found it (a file setting THREADWORK_TODAY at its
// top would date every file after it).
const environment = { ...process.env };

afterAll(async () => {
  await runFileEnd();
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
}, 120_000); // a file's temp folders hold whole git repositories: their removal once took over 30 s on a loaded two-core machine
