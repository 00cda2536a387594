import { fuzzSuite } from './fuzz-runner.js';
import { size } from './support.js';

// npm test: 150 seed-fixed mutations (THREADWORK_FUZZ_CASES, THREADWORK_SEED to change);
// npm run stress runs the same suite as two larger shards (test/stress/fuzz-*.stress.ts).
fuzzSuite('fuzz', size('THREADWORK_FUZZ_CASES', 150, 150));
