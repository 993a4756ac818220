/**
 * Keeps each `context.sync()` under a cell and byte budget. Excel on the web rejects a request
 * over 5 MB, so writers ask the batcher for room before queueing a command; when the command
 * would overflow the open batch, the batcher syncs first. `beforeBatch` runs once at the start of
 * every batch (the renderer suspends calculation there, which lasts until the next sync).
 */

export interface SyncBudget {
  maxCellsPerSync: number;
  maxBytesPerSync: number;
}

export const DEFAULT_BUDGET: SyncBudget = { maxCellsPerSync: 20_000, maxBytesPerSync: 1_000_000 };

/** Rough size of one queued command (object path, method or property name) besides its data. */
export const COMMAND_BYTES = 160;

interface Syncable {
  sync(): Promise<unknown>;
}

export class SyncBatcher {
  private cells = 0;
  private bytes = 0;
  private open = false;
  /** Syncs made by this batcher. */
  syncs = 0;

  constructor(
    private readonly context: Syncable,
    readonly budget: SyncBudget,
    private readonly beforeBatch?: () => void,
  ) {}

  /** Room left in the open batch (the whole budget when none is open). */
  remaining(): { cells: number; bytes: number } {
    return { cells: this.budget.maxCellsPerSync - this.cells, bytes: this.budget.maxBytesPerSync - this.bytes };
  }

  /** True when commands are queued and not yet synced. */
  get pending(): boolean {
    return this.open;
  }

  /**
   * Reserves room for a command of `cells` cells and about `bytes` bytes, syncing first when the
   * open batch cannot take it. A command larger than a whole budget gets a batch of its own.
   */
  async reserve(cells: number, bytes: number): Promise<void> {
    if (this.open && (this.cells + cells > this.budget.maxCellsPerSync || this.bytes + bytes > this.budget.maxBytesPerSync)) {
      await this.flush();
    }
    if (!this.open) {
      this.open = true;
      this.beforeBatch?.();
    }
    this.cells += cells;
    this.bytes += bytes;
  }

  /** Syncs the open batch, if any. */
  async flush(): Promise<void> {
    if (!this.open) return;
    await this.context.sync();
    this.syncs++;
    this.open = false;
    this.cells = 0;
    this.bytes = 0;
  }
}

/** UTF-8 bytes of a value once serialised as JSON (what Office.js sends). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? 'null';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x800) bytes += code >= 0xd800 && code < 0xe000 ? 1 : 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}
