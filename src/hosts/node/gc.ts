/**
 * A full garbage collection now. The CLI asks for one once the input is read: reading leaves its
 * garbage on the main thread (the package's inflated XML, 32 MB of text at 50k accounts, and what
 * parsing it made), which V8 would otherwise keep (and grow past) while the optimizer's worker
 * threads build their own heaps. Measured on the 50k × 200 sample: peak RSS 1.75-1.83 GB without
 * it, 1.43 GB with it, when ExcelJS read the input (its model left ~0.4 GB); 1.39-1.47 GB without
 * it, 1.37-1.39 GB with it, since the package is read directly (readPackage.ts).
 *
 * Node exposes `gc` only under --expose-gc; the flag can be set at run time, and a new context
 * then has the function (it collects the whole isolate, not only that context).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | null = null;

export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  collect();
}
