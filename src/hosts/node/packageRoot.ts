/**
 * The repository's folder (the one holding our package.json), found from this file's folder. Run
 * from a bundle (bin/bundle.js), `__dirname` is node_modules/.cache/territory-rebalancer, not the
 * source's folder, so paths are taken from here rather than from a file's own `__dirname`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let found: string | null = null;

export function packageRoot(): string {
  if (found) return found;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'territory-rebalancer') return (found = dir);
    } catch {
      // no package.json here, or not ours: go up
    }
    if (path.dirname(dir) === dir) throw new Error(`The territory-rebalancer package folder was not found above ${__dirname}.`);
  }
}
