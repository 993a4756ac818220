/** Office.js proxy semantics for the fake: properties read only after load() + sync(). */

export interface Engine {
  /** Queues a command of `cells` cells and `bytes` payload bytes in the current sync. */
  queue(bytes: number, cells?: number): void;
  pendingLoads: Set<Loadable>;
  /** Number of syncs done so far. */
  syncCount: number;
  /** Counts cells whose values are returned by the coming sync. */
  countRead(cells: number): void;
}

export function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

/** Bytes the fake charges for one command besides its data (object path + method). */
export const FAKE_COMMAND_BYTES = 100;

export class Loadable {
  private readonly loaded = new Set<string>();
  protected readonly requested = new Set<string>();
  /** Sub-properties requested for collection items ('items/name' -> 'name'). */
  protected readonly itemProps = new Set<string>();
  private readonly createdAt: number;

  constructor(protected readonly engine: Engine) {
    this.createdAt = engine.syncCount;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list =
      props === undefined ? ['*'] : typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props.select ?? '*').split(',');
    for (const raw of list) {
      const p = raw.trim();
      if (p.startsWith('items/')) {
        this.requested.add('items');
        this.itemProps.add(p.slice('items/'.length));
      } else this.requested.add(p);
    }
    this.engine.pendingLoads.add(this);
    this.engine.queue(FAKE_COMMAND_BYTES);
    return this;
  }

  /** Called by sync(): requested properties become readable. */
  resolveLoad(): void {
    for (const p of this.requested) this.loaded.add(p);
    this.requested.clear();
  }

  markLoaded(props: Iterable<string>): void {
    for (const p of props) this.loaded.add(p);
  }

  protected need(prop: string): void {
    if (!this.loaded.has(prop) && !this.loaded.has('*')) {
      throw new Error(`PropertyNotLoaded: '${prop}' read before load('${prop}') and sync() (fake Excel)`);
    }
  }

  /** isNullObject is known only after a sync that follows the object's creation. */
  protected needSync(): void {
    if (this.engine.syncCount <= this.createdAt) throw new Error('PropertyNotLoaded: isNullObject read before sync() (fake Excel)');
  }
}
