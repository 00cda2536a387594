import { indexEditSuite } from './index-edit.js';
import { SEED, size } from './support.js';

// npm test: 25 seed-fixed cases (THREADWORK_INDEX_CASES, THREADWORK_SEED to change);
// npm run stress runs 400 (test/stress/index-edit.stress.ts).
indexEditSuite('index edit against git', size('THREADWORK_INDEX_CASES', 25, 25), SEED);
