// `node --import <this file>`: records every module the process loads, one URL a line, in
// the file named by THREADWORK_MODULE_LOG (test/module-loading.test.ts).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { log: process.env.THREADWORK_MODULE_LOG } });
