/**
 * The attack corpus in workerd: the real Worker (src/worker.ts) through
 * `exports.default.fetch`, over the Hrana dev server the Worker suite's global setup starts.
 * Not a test file by itself (the Node config would try to run it): the Worker suite imports it,
 * e.g. `test/worker/attacks.test.ts` containing only `import '../hardening/attacks.worker-suite.ts';`.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACK_CASES, attackProblems, normalProblems, normalRequest, schemaQueryFields } from './attack-cases.ts';

const BASE = 'http://newsgraph.test';
// `exports.default` is the Worker's default export (typed once wrangler types are generated).
const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
const send = (r: Request) => worker.fetch(r);

describe('attack corpus (workerd, the Worker entry)', () => {
  let queryFields = new Set<string>();
  beforeAll(async () => {
    queryFields = await schemaQueryFields(send, BASE);
  });

  for (const c of ATTACK_CASES) {
    it(`${c.id}: ${c.description}`, async (ctx) => {
      if (c.needsQueryField && !queryFields.has(c.needsQueryField)) {
        ctx.skip(`Query.${c.needsQueryField} is not in the schema yet`);
        return;
      }
      const res = await send(c.request(BASE));
      const problems = attackProblems(c, res.status, res.headers, await res.text());
      const normal = await send(normalRequest(BASE));
      expect([...problems, ...normalProblems(normal.status, await normal.text())]).toEqual([]);
    });
  }
});
