/**
 * PostGraphile v5 for `npm run bench:peer`: the Amber preset over the private PostgreSQL cluster
 * (PEER_PG_URL), served by grafserv on Node's http server on 127.0.0.1, an ephemeral port (printed
 * as `PostGraphile on http://127.0.0.1:<port>/graphql`). Plain JavaScript: bench/peer.ts copies
 * it into .data/peer, next to the node_modules it installs there, and runs it; it is not part of
 * Newsgraph and not type-checked with it.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';

const connectionString = process.env.PEER_PG_URL;
if (!connectionString) throw new Error('PEER_PG_URL is not set');

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ['public'],
      // Connections stay open through the run (node-postgres closes idle ones after 10 s by default).
      poolConfig: { max: 10, idleTimeoutMillis: 600_000 },
    }),
  ],
  schema: {
    // Newsgraph puts unknown values last in both directions (unjudged relevance, unknown dates).
    pgOrderByNullsLast: true,
  },
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (err) => {
  console.error(err);
  process.exit(1);
});
await serv.addTo(server);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`PostGraphile on http://127.0.0.1:${typeof address === 'object' && address ? address.port : '?'}/graphql`);
});
const stop = () => {
  server.close();
  void pgl.release().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
