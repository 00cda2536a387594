import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded by the first call of the function returned, not when the
 * module asking for it is imported: a command pays only for the packages it uses (the
 * `yaml` package, Handlebars, simple-git and gray-matter cost every command 67 ms to
 * import, and a check or a sync of valid files calls none of them). Type imports of the
 * package stay static.
 */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
