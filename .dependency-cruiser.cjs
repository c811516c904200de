/**
 * Layers run one way (checked in .ci/run by `npm run lint:deps`). From the bottom:
 *   0 domain    field standards and vocabularies (EDTF, CAMEO, folding, kinds, coded errors)
 *   1 db        tables, relations, client, migrations
 *   2 services  extract, ingest, search, export, auth, config
 *   3 graphql   the Pothos schema and its resolvers
 *   4 app       HTTP: app.ts, http/, the GraphiQL page, the explorer routes
 *   5 entries   node.ts, worker.ts, cli/ (and tools/, bench/, test/, which use anything)
 * A module may import its own layer and those below it, never one above.
 */
const layer = {
  domain: '^src/domain/',
  db: '^src/db/',
  services: '^src/(extract|ingest|search|export|auth)/|^src/config\\.ts$',
  graphql: '^src/graphql/',
  app: '^src/(app|graphiql|graphiql-static|explorer|explorer-static)\\.ts$|^src/http/',
  entries: '^src/(node|worker)\\.ts$|^src/cli/|^tools/',
};
const order = ['domain', 'db', 'services', 'graphql', 'app', 'entries'];

const upward = order.slice(0, -1).map((name, i) => ({
  name: `no-upward-from-${name}`,
  severity: 'error',
  comment: `${name} must not import a layer above it (${order.slice(i + 1).join(', ')})`,
  from: { path: layer[name] },
  to: { path: order.slice(i + 1).map((n) => layer[n]).join('|') },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular-graphql',
      severity: 'error',
      comment:
        'the GraphQL modules import one way (types → connections → builder); a type refers back to one that imports it by its GraphQL name',
      from: { path: '^src/graphql/' },
      to: { circular: true },
    },
    {
      name: 'no-dev-tools-in-src',
      severity: 'error',
      comment: 'production code never runs the development tools',
      from: { path: '^src/' },
      to: { path: '^tools/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|public)/' },
  },
};
