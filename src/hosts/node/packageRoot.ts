/**
 * The repository's folder (the one holding our package.json). A bundle (bin/bundle.js) has it written
 * in at build time: run from node_modules/.cache, its `__dirname` says nothing about where the sources
 * are (and a node_modules linked from another checkout would point at that one). Run through tsx or
 * ts-jest, it is the package folder above this file.
 */
import { packageRootOf } from '../../../bin/bundle';

declare const __TR_PACKAGE_ROOT__: string | undefined;

export function packageRoot(): string {
  if (typeof __TR_PACKAGE_ROOT__ === 'string') return __TR_PACKAGE_ROOT__;
  const root = packageRootOf(__filename);
  if (!root) throw new Error(`No package.json above ${__filename}.`);
  return root;
}
