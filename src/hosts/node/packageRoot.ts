/**
 * The repository's folder (the one holding our package.json). A bundle (bin/bundle.js) has it written
 * in at build time: run from node_modules/.cache, its `__dirname` says nothing about where the sources
 * are (and a node_modules linked from another checkout would point at that one). Run through tsx or
 * ts-jest, it is found from this file's folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const __TR_PACKAGE_ROOT__: string | undefined;

let found: string | null = null;

export function packageRoot(): string {
  if (typeof __TR_PACKAGE_ROOT__ === 'string') return __TR_PACKAGE_ROOT__;
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
