/**
 * Child processes the tests start: a free loopback port, and `npm run dev` started in its own
 * process group and awaited until it says it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm run dev -- <args>` in its own process group (as a terminal gives it; npm from PATH, so
 * node_modules/.bin first and Node 22 runs the scripts), resolved once it prints that the Worker
 * serves. `output()` is everything it printed so far.
 * @throws when it exits or does not start within `timeoutMs`
 */
export async function startNpmDev(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn('npm', ['run', 'dev', '--', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('Newsgraph Worker (wrangler dev) on')) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm run dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
}
