#!/usr/bin/env node
'use strict';
// The command line is TypeScript (src/cli/main.ts): run from one bundle of it, rebuilt when a source
// changed (./bundle.js), or, when that cannot be built, through tsx's CommonJS hook.
const path = require('node:path');
const { freshBundle } = require('./bundle');

const entry = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
const bundle = freshBundle(entry);
if (!bundle) require('tsx/cjs');
require(bundle ?? entry).run(process.argv.slice(2));
