/**
 * The files and folders of the bundled example workspace, copied by the demo (and by the
 * tests' example workspaces). A module of its own, with no imports, so that reading the
 * list does not load the whole engine the demo needs.
 */
export const EXAMPLE_ENTRIES = ['threadwork.config.yaml', 'strategy', 'research', 'artifacts', 'threads', 'goals', '.claude'];
