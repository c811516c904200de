/**
 * Write a generated file, or with `--check` on the command line fail (exit 1) when it is stale:
 * the one routine of the generators (print-schema, bundle-schema, build-fold-table).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param file absolute path of the generated file
 * @param text its content as generated
 * @param name how messages name it (a repository-relative path)
 * @param stale what `--check` prints when the file differs from `text` (what to run)
 */
export function writeOrCheck(file: string, text: string, name: string, stale: string): void {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${name} is stale: ${stale}`);
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
