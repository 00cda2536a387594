// The files a scan of the workspace reads, in the order floor.js reads them: the config,
// then strategy/, goals/, threads/ and research/ walked depth first, hidden entries skipped.
// Shared by the floor and the parse floor, so that both see the very same files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Calls `visit` with each file's path as it is found (a missing config or folder is skipped). */
export function walkWorkspaceFiles(dir, visit) {
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(folder, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) visit(path);
    }
  };
  try {
    visit(join(dir, 'threadwork.config.yaml'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  for (const top of ['strategy', 'goals', 'threads', 'research']) walk(join(dir, top));
}
