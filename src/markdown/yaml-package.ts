import type * as Yaml from 'yaml';
import { onFirstUse } from '../load-on-first-use.js';

/**
 * The `yaml` package, loaded when first used. The engine reads YAML with js-yaml
 * (yaml.ts); this one serves only where a Document is needed — locating a problem,
 * editing front matter in place — and where YAML is written: importing it cost every
 * command 36 ms, and a check or a sync of valid files needs neither.
 */
export const yamlPackage = onFirstUse<typeof Yaml>('yaml');
