import { fuzzSuite } from '../reliability/fuzz-runner.js';
import { shardSeed, size } from '../reliability/support.js';

// Half of the stress run's mutations (two shards run on the two workers in parallel).
fuzzSuite('fuzz shard 2', Math.ceil(size('THREADWORK_FUZZ_CASES', 150, 10_000) / 2), shardSeed(2), false);
