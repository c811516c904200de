/**
 * Global set-up: the offline GraphiQL assets (`src/cli/build-assets.ts`, idempotent) that the app
 * serves from public/, so a fresh clone's `npm test` needs no step before it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a TypeScript CLI of the project with a Node that strips types (the `node` devDependency). */
export function runProjectScript(script: string): void {
  const localNode = `${repoRoot}node_modules/.bin/node`;
  const node = (process.features as { typescript?: unknown }).typescript || !existsSync(localNode) ? process.execPath : localNode;
  execFileSync(node, [script], { cwd: repoRoot, stdio: 'inherit' });
}

export default function setup(): void {
  runProjectScript('src/cli/build-assets.ts');
}
