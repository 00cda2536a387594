import { indexEditSuite } from '../reliability/index-edit.js';
import { shardSeed, size } from '../reliability/support.js';

indexEditSuite('index edit against git (stress)', size('THREADWORK_INDEX_CASES', 25, 400), shardSeed(3));
