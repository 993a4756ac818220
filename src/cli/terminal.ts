/** Where the command line writes: results on stdout, problems and progress on stderr. */

export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  /** Progress: rewrites one line on a terminal, plain lines otherwise. */
  progress(line: string): void;
  /** Ends a progress line (so the next output starts on a fresh line). */
  endProgress(): void;
}

export function processTerminal(): Terminal {
  const tty = Boolean(process.stderr.isTTY);
  let open = false;
  let lastPlain = '';
  return {
    out: (line) => {
      if (open) process.stderr.write('\n');
      open = false;
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      if (open) process.stderr.write('\n');
      open = false;
      process.stderr.write(`${line}\n`);
    },
    progress: (line) => {
      if (tty) {
        process.stderr.write(`\r\x1b[2K${line}`);
        open = true;
      } else if (line !== lastPlain) {
        process.stderr.write(`${line}\n`);
        lastPlain = line;
      }
    },
    endProgress: () => {
      if (open) process.stderr.write('\n');
      open = false;
    },
  };
}
