import { existsSync, readdirSync } from 'node:fs';
import { readWorkspaceFile } from '../workspace/read-files.js';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { ThreadworkError } from '../errors.js';
import { CANVAS_SECTIONS } from '../schema/canvas.js';
import { goalIdSchema } from '../schema/common.js';
import { generateJsonSchemas } from '../schema/json-schema.js';
import { containedPath, pathRefused } from '../workspace/contain.js';
import { LAYOUT } from '../workspace/layout.js';
import { subfolders, THREAD_FOLDERS } from '../workspace/nested-threads.js';
import { goalsOf } from '../workspace/model.js';
import { refuseControlInId } from '../workspace/slug.js';
import type { ToolContext } from './context.js';
import { unknownGoal } from '../threads/create.js';
import { agentThreadPath } from './paths.js';
import { guardedRead } from './result.js';

/**
 * The workspace as resources: canvas sections and goals as the Markdown people edit
 * (managed blocks included), threads as the same JSON `read_thread` returns, and the
 * JSON Schema of every file kind. Every read goes through the workspace boundary.
 */
export function registerResources(server: McpServer, { root, workspace }: ToolContext): void {
  const markdown = (uri: URL, path: string): ReadResourceResult => {
    const safe = containedPath(root, path);
    if (!existsSync(join(root, safe))) throw new ThreadworkError(`No such file in the workspace: ${safe}`, 'not-found', { path: safe });
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readMarkdown(root, safe) }] };
  };

  server.registerResource(
    'canvas',
    new ResourceTemplate('threadwork://canvas/{section}', {
      list: () => ({
        resources: CANVAS_SECTIONS.filter((s) => existsSync(join(root, LAYOUT.canvas, `${s}.md`))).map((s) => ({ uri: `threadwork://canvas/${s}`, name: `canvas ${s}`, mimeType: 'text/markdown' })),
      }),
      complete: { section: (value) => CANVAS_SECTIONS.filter((s) => s.startsWith(value)) },
    }),
    { title: 'Strategy canvas section', description: 'A section of strategy/canvas/ as Markdown (front matter, prose and the blocks sync keeps true).', mimeType: 'text/markdown' },
    guardedRead((uri, { section }) => {
      if (!(CANVAS_SECTIONS as readonly string[]).includes(String(section))) throw new ThreadworkError(`Unknown canvas section ${JSON.stringify(section)}: expected one of ${CANVAS_SECTIONS.join(', ')}`, 'not-found');
      return markdown(uri, `${LAYOUT.canvas}/${String(section)}.md`);
    }),
  );

  server.registerResource(
    'goal',
    new ResourceTemplate('threadwork://goals/{id}', {
      list: () => ({ resources: goalIds(root).map((id) => ({ uri: `threadwork://goals/${id}`, name: `goal ${id}`, mimeType: 'text/markdown' })) }),
      complete: { id: (value) => completions(goalIds(root), value) },
    }),
    { title: 'Goal', description: 'A goal file from goals/ as Markdown, with the state block sync derives (metrics, subgoals, trajectory, forecast at the deadline).', mimeType: 'text/markdown' },
    guardedRead(async (uri, { id }) => {
      // Answered as the tools answer a goal that is not there (create_deal, history): unknown-goal, with the goals the workspace has.
      refuseControlInId('goal', String(id));
      const parsed = goalIdSchema.safeParse(id);
      if (!parsed.success || !existsSync(join(root, LAYOUT.goals, `${parsed.data}.md`))) throw unknownGoal(String(id), goalsOf(await workspace.load()).map((g) => g.id));
      return markdown(uri, `${LAYOUT.goals}/${parsed.data}.md`);
    }),
  );

  server.registerResource(
    'thread',
    new ResourceTemplate('threadwork://threads/{+path}', {
      list: async () => ({ resources: (await workspace.listThreads()).map((t) => ({ uri: `threadwork://${t.path}`, name: t.title ?? t.id, description: `${t.type ?? 'thread'} · stage ${t.stage} · ${t.status ?? (t.type !== null && t.stage === 0 ? 'no stage file' : 'invalid meta.json')}`, mimeType: 'application/json' })) }),
      complete: { path: (value) => completions(threadPaths(root), value) },
    }),
    { title: 'Thread', description: 'A thread (threadwork://threads/sales/{deal}): meta.json, each stage (front matter and body) and its derived values, as JSON.', mimeType: 'application/json' },
    guardedRead(async (uri, { path }) => {
      const view = await workspace.readThread(agentThreadPath(root, `${LAYOUT.threads}/${decodedPath(String(path))}`));
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(view, null, 2) }] };
    }),
  );

  const schemas = generateJsonSchemas();
  server.registerResource(
    'schema',
    new ResourceTemplate('threadwork://schemas/{file}', {
      list: () => ({ resources: schemas.map((s) => ({ uri: `threadwork://schemas/${s.file}`, name: s.file, description: s.describes, mimeType: 'application/schema+json' })) }),
      complete: { file: (value) => completions(schemas.map((s) => s.file), value) },
    }),
    { title: 'File schema', description: 'The JSON Schema of a file kind (a stage front matter, meta.json, a canvas section, a goal, the ICP, the config).', mimeType: 'application/schema+json' },
    guardedRead((uri, { file }) => {
      const found = schemas.find((s) => s.file === file);
      if (!found) throw new ThreadworkError(`Unknown schema ${JSON.stringify(file)}: list the resources for the names`, 'not-found');
      return { contents: [{ uri: uri.href, mimeType: 'application/schema+json', text: JSON.stringify(found.schema, null, 2) }] };
    }),
  );
}

/**
 * The workspace reader refuses links and special files (a FIFO must never block the
 * server) with a bare error; here it becomes the ThreadworkError that names the path.
 */
function readMarkdown(root: string, path: string): string {
  try {
    return readWorkspaceFile(root, path);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'path-refused' || failure.code === 'special-file' || failure.code === 'folder') throw pathRefused(path, failure.message);
    throw new ThreadworkError(`Cannot read ${path}: ${failure.code ?? String(error)}`, 'read', { path });
  }
}

/** A URI's path decoded; a malformed escape (`%E0%A4%A`) is the client's error, named, not a URIError answered as a bug. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new ThreadworkError(`Invalid thread "${LAYOUT.threads}/${path}": a malformed percent-escape; expected %XX for each byte of the name's UTF-8 (list the resources for the names)`, 'invalid-thread', { thread: `${LAYOUT.threads}/${path}` });
  }
}

/** The protocol's most values in one completion answer. */
const MOST_COMPLETIONS = 100;

/**
 * The values that complete `typed`: those starting with it, then those whose last segment
 * does (`brightc` completes to `sales/brightcart`: a client types the name it knows).
 */
function completions(values: readonly string[], typed: string): string[] {
  const starting = values.filter((v) => v.startsWith(typed));
  const named = typed.includes('/') ? [] : values.filter((v) => !v.startsWith(typed) && v.slice(v.lastIndexOf('/') + 1).startsWith(typed));
  return [...starting, ...named].slice(0, MOST_COMPLETIONS);
}

/** Every thread folder, as the thread resource names it (`sales/acme-corp`, `sales/campaigns/q3-cfo-outbound`), read from the folders alone. */
function threadPaths(root: string): string[] {
  const paths: string[] = [];
  for (const family of THREAD_FOLDERS) {
    const under = family.slice(LAYOUT.threads.length + 1);
    for (const name of subfolders(root, family)) if (!name.startsWith('.') && !(family === LAYOUT.deals && name === 'campaigns')) paths.push(`${under}/${name}`);
  }
  return paths.sort();
}

function goalIds(root: string): string[] {
  try {
    return readdirSync(join(root, LAYOUT.goals))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .filter((id) => goalIdSchema.safeParse(id).success)
      .sort();
  } catch {
    return [];
  }
}
