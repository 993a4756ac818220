#!/usr/bin/env node
'use strict';
// `node bin/run-ts.js FILE.ts [ARGS...]`: runs a TypeScript script as the command line runs (one
// bundle of it, ./bundle.js; through tsx when none can be built), e.g. the bench, so that what it
// times is the code the product runs. The script sees itself as process.argv[1], its ARGS after.
const path = require('node:path');
const { freshBundle } = require('./bundle');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run-ts.js FILE.ts [ARGS...]');
  process.exit(2);
}
const entry = path.resolve(file);
const bundle = freshBundle(entry);
if (!bundle) require('tsx/cjs');
process.argv = [process.argv[0], bundle ?? entry, ...args];
require(bundle ?? entry);
