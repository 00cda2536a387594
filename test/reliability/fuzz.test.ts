import { fuzzSuite } from './fuzz-runner.js';
import { size } from './support.js';

// npm test: 57 seed-fixed mutations, three for each of the 19 file kinds and stages
// (THREADWORK_FUZZ_CASES, THREADWORK_SEED to change); npm run stress runs the same suite
// as two larger shards (test/stress/fuzz-*.stress.ts), 10,000 in all.
fuzzSuite('fuzz', size('THREADWORK_FUZZ_CASES', 57, 57));
