/** The path of an up-to-date JavaScript bundle of the TypeScript file `entry` (absolute), or null when none can be built (bundle.js). */
export function freshBundle(entry: string): string | null;
