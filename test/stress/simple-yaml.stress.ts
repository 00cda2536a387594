import { simpleYamlSuite } from '../reliability/simple-yaml.js';
import { shardSeed, size } from '../reliability/support.js';

simpleYamlSuite('simple YAML reader against js-yaml (stress)', size('THREADWORK_YAML_CASES', 4000, 200_000), shardSeed(4));
