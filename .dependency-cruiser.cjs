/**
 * The layers of src/ and which way imports go (docs/architecture.md draws the picture).
 * `npm run lint` runs `depcruise src`: an import that runs upward, a cycle, or a module
 * in no layer fails it.
 *
 *   interfaces  cli/ watch/ mcp/ demo/ serve/
 *   engine      engine/ workspace/ (I/O) git/ threads/ campaigns/ history/ init/ skills/ sync/ accounts/ strategy/run.ts api.ts index.ts
 *   domain      derive/ scoring/ outreach/ check/ report/ stats/ migrate/ strategy/ (pure), forecast/, workspace/ model modules
 *   base        markdown/ schema/ templates/ diagnostics*.ts mcp-tool-catalog.ts errors.ts answer-ok.ts clock.ts timing.ts progress.ts long-lived-heap.ts version.ts settled.ts stop-signals.ts load-on-first-use.ts latin-fold.ts text-width.ts value-at.ts
 *
 * A module imports from its own layer or the layers below it. Domain modules do no I/O:
 * they import no fs, child_process, git or watcher module.
 */

// The workspace model: types, path layout, parsing and validation of one file, and
// building the indexes. Pure, so domain code may read a model. The rest of
// workspace/ (scan, read, write, lock, contain, find-root, load) is engine.
const MODEL = '^src/workspace/(model|layout|parse-file|validate|slug|dotted-thousands|count-decimals|non-decimal-numbers|meta-fields-in-stage|derived-block-conflict|meta-conflict)[.]ts$';

const BASE = ['^src/(markdown|schema|templates)/', '^src/(diagnostics[^/]*|mcp-tool-catalog|errors|answer-ok|clock|timing|progress|long-lived-heap|version|settled|stop-signals|load-on-first-use|latin-fold|text-width|value-at)[.]ts$'];
const DOMAIN = [
  '^src/(derive|scoring|outreach|check|report|stats)/',
  // migrate/: reads the LeanOS method's labelled lines into stage front matter (threads/migrate.ts writes it).
  '^src/migrate/',
  '^src/forecast/',
  '^src/strategy/(?!run[.]ts$)[^/]+[.]ts$',
  MODEL,
];
const ENGINE = [
  '^src/(engine|git|threads|campaigns|history|init|skills|sync|accounts)/',
  '^src/strategy/run[.]ts$',
  `^src/workspace/(?!(model|layout|parse-file|validate|slug|dotted-thousands|count-decimals|non-decimal-numbers|meta-fields-in-stage|derived-block-conflict|meta-conflict)[.]ts$)[^/]+[.]ts$`,
  '^src/(api|index)[.]ts$',
];
const INTERFACES = ['^src/(cli|watch|mcp|demo|serve)/'];

const ALL = [...BASE, ...DOMAIN, ...ENGINE, ...INTERFACES];
const IO = '^(node:)?(fs|fs/promises|child_process|os|net|http|https|worker_threads)$|^node_modules/(simple-git|proper-lockfile|write-file-atomic)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules together so neither can be read, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'layer-unassigned',
      severity: 'error',
      comment: 'Every module of src/ belongs to one layer: add its folder to a layer in .dependency-cruiser.cjs and docs/architecture.md.',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: ALL },
    },
    {
      name: 'base-imports-upward',
      severity: 'error',
      comment: 'base (markdown, schema, templates, catalogs, errors, clock) imports nothing above it.',
      from: { path: BASE },
      to: { path: '^src/', pathNot: BASE },
    },
    {
      name: 'domain-imports-upward',
      severity: 'error',
      comment: 'domain (pure: data in, data out) imports only domain and base — never the engine or an interface.',
      from: { path: DOMAIN },
      to: { path: '^src/', pathNot: [...BASE, ...DOMAIN] },
    },
    {
      name: 'engine-imports-interface',
      severity: 'error',
      comment: 'The engine never imports an interface (cli, watch, mcp, demo): interfaces call the engine.',
      from: { path: ENGINE },
      to: { path: INTERFACES },
    },
    {
      name: 'domain-does-io',
      severity: 'error',
      comment: 'Domain modules are pure: the engine reads and writes files, runs git and watches; domain code gets data or a reader function.',
      from: { path: DOMAIN },
      to: { path: IO },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
