// `node --import <this file>`: at exit, writes every CommonJS module the process loaded, one
// path a line, to the file named by THREADWORK_REQUIRE_LOG (test/templates-precompiled.test.ts).
// The bundle loads its CommonJS packages (Handlebars, yaml, simple-git) by `require`, which
// the ES module hooks of ../module-log do not see on Node 20. Every `require` shares one cache.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  if (process.env.THREADWORK_REQUIRE_LOG) writeFileSync(process.env.THREADWORK_REQUIRE_LOG, Object.keys(cache).join('\n'));
});
