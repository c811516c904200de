/**
 * What the Worker evaluates at start-up: src/worker.ts bundled by esbuild as wrangler bundles it
 * (one file; a dynamic `import()` becomes a module initialiser run on first call). The modules
 * only writes need (the bundle's zod schema, the extractor, chrono, edtf, the loader and merges,
 * jose) must be reachable from the entry through dynamic imports alone, so reads never evaluate
 * them. The schema is built by createApp on the first request (getSchema), not while the modules
 * are evaluated. The start-up time itself is measured, not tested: `npx wrangler check startup` (bench/README.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Inputs of the bundle, and those reachable from src/worker.ts through static imports. */
async function workerGraph(): Promise<{ all: string[]; eager: Set<string> }> {
  const { metafile } = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/worker.ts'],
    bundle: true,
    write: false,
    outfile: 'worker.js',
    format: 'esm',
    platform: 'browser',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['node:*', 'cloudflare:*'],
    alias: { 'graphql/language/parser': path.join(ROOT, 'node_modules/graphql/language/parser.mjs') }, // wrangler.toml [alias]
    logLevel: 'error',
    metafile: true,
  });
  const eager = new Set<string>();
  const pending = ['src/worker.ts'];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (eager.has(file)) continue;
    eager.add(file);
    for (const i of metafile.inputs[file]?.imports ?? []) if (i.kind !== 'dynamic-import' && !i.external) pending.push(i.path);
  }
  return { all: Object.keys(metafile.outputs['worker.js']!.inputs), eager };
}

/** Modules only the write path uses, by the package or source path they live in. */
const WRITE_ONLY: [string, RegExp][] = [
  ['zod (bundle schema)', /node_modules\/zod\//],
  ['chrono-node', /node_modules\/chrono-node\//],
  ['edtf', /node_modules\/edtf\//],
  ['jose', /node_modules\/jose\//],
  ['the extractor', /^src\/extract\//],
  ['the loader', /^src\/ingest\/(load|validate|bundle|prepare|merge|delete)\.ts$/],
  ['partial-date words', /^src\/domain\/partial-date\.ts$/],
];

describe('Worker start-up: write-only code is imported lazily', () => {
  let graph: Awaited<ReturnType<typeof workerGraph>>;
  beforeAll(async () => {
    graph = await workerGraph();
  });

  it.each(WRITE_ONLY)('%s is in the bundle but not evaluated at start-up', (_name, pattern) => {
    const inBundle = graph.all.filter((f) => pattern.test(f));
    expect(inBundle.length).toBeGreaterThan(0);
    expect(inBundle.filter((f) => graph.eager.has(f))).toEqual([]);
  });

  it('the read path is evaluated at start-up', () => {
    for (const f of ['src/graphql/schema-definition.ts', 'src/graphql/types/article.ts', 'src/auth/credentials.ts', 'src/db/schema.ts']) expect(graph.eager.has(f), f).toBe(true);
  });

  it('the schema is built by createApp (the first request), not by a module at start-up', () => {
    // src/graphql/schema.ts calls getSchema() on import; the Worker must not bundle it.
    expect(graph.all).toContain('src/graphql/schema-definition.ts');
    expect(graph.all).not.toContain('src/graphql/schema.ts');
  });
});

describe('getSchema: the schema is built on first use, once', () => {
  it('importing the definition registers the types without building; later calls return the same schema', async () => {
    vi.resetModules();
    const { builder } = await import('../src/graphql/builder.ts');
    const toSchema = vi.spyOn(builder, 'toSchema');
    const { getSchema } = await import('../src/graphql/schema-definition.ts');
    expect(toSchema).not.toHaveBeenCalled();
    const schema = getSchema();
    expect(schema.getQueryType()?.getFields().article).toBeDefined();
    expect(getSchema()).toBe(schema);
    expect(toSchema).toHaveBeenCalledTimes(1);
    toSchema.mockRestore();
  });
});
