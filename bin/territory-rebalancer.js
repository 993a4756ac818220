#!/usr/bin/env node
'use strict';
// The command line is TypeScript (src/cli/main.ts); tsx's CommonJS hook compiles it on require.
require('tsx/cjs');
require('../src/cli/main.ts').run(process.argv.slice(2));
