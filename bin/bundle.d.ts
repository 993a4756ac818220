/** The path of an up-to-date JavaScript bundle of the TypeScript file `entry` (absolute), or null when none can be built (bundle.js). */
export function freshBundle(entry: string): string | null;
/** The folder holding the package.json nearest above `file`, or null (bundle.js). */
export function packageRootOf(file: string): string | null;
