/**
 * Before/after territory map (seed 001: "the map wasn't visible to reps"): accounts as dots
 * coloured by owner, rep homes as squares, moved accounts ringed in the "after" picture. An
 * equirectangular projection scaled by cos(latitude) is plenty at territory scale. Each picture is
 * painted on a canvas: as SVG, 50k accounts made 100k elements, and every progress tick of a
 * rebalance restyled and laid them out again (seconds of the page's thread at 50k × 200).
 */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Account, Rep } from '../core/model';
import { booksByRep } from '../core/metrics/territory';
import { repColors } from '../core/report/common';

const WIDTH = 320;
const HEIGHT = 220;
const PAD = 10;

export interface TerritoryMapProps {
  accounts: Account[];
  reps: Rep[];
  /** Owner per account after the chosen scenario (aligned with accounts); null = no scenario yet. */
  after: string[] | null;
  scenarioName?: string | null;
}

export interface Projection {
  x: (lon: number) => number;
  y: (lat: number) => number;
}

/** Fits every point into the picture, keeping east-west distances true to scale at the middle latitude. */
export function fitProjection(points: { lat: number; lon: number }[], width = WIDTH, height = HEIGHT, pad = PAD): Projection | null {
  if (points.length === 0) return null;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return {
    x: (lon) => offX + (lon - minLon) * k * scale,
    y: (lat) => offY + (maxLat - lat) * scale,
  };
}

/** What one picture shows, in its own coordinates (WIDTH × HEIGHT): dots by colour, rings, squares. */
export interface MapPicture {
  /** Colour ("#RRGGBB") -> the centres of its dots, x and y in turn. */
  dots: Map<string, number[]>;
  /** Centres of the moved accounts' dots, ringed. */
  rings: number[];
  homes: { x: number; y: number; colour: string }[];
}

export const DOT_RADIUS = 2.4;
export const RING_RADIUS = 3.2;

/**
 * The picture of `owners` (aligned with `accounts`): every located account's dot in its owner's
 * colour; with `ringMoved`, those whose owner differs from the account's current one ringed.
 */
export function mapPicture(
  accounts: Account[],
  reps: Rep[],
  owners: readonly (string | null)[],
  ringMoved: boolean,
  projection: Projection,
  colour: (id: string | null) => string,
): MapPicture {
  const dots = new Map<string, number[]>();
  const rings: number[] = [];
  accounts.forEach((a, i) => {
    if (a.lat === null || a.lon === null) return;
    const x = projection.x(a.lon);
    const y = projection.y(a.lat);
    const c = colour(owners[i]);
    let list = dots.get(c);
    if (!list) dots.set(c, (list = []));
    list.push(x, y);
    if (ringMoved && owners[i] !== a.owner) rings.push(x, y);
  });
  const homes = reps.flatMap((r) => (r.homeLat === null || r.homeLon === null ? [] : [{ x: projection.x(r.homeLon), y: projection.y(r.homeLat), colour: colour(r.id) }]));
  return { dots, rings, homes };
}

/** Paints `picture` at `scale` canvas pixels per unit: the dots a colour at a time, the rings over them, the homes on top, `label` in the corner. */
export function paintMap(ctx: CanvasRenderingContext2D, picture: MapPicture, scale: number, label: string): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = '#FAFAFA';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.globalAlpha = 0.85;
  for (const [colour, xy] of picture.dots) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let k = 0; k < xy.length; k += 2) {
      ctx.moveTo(xy[k] + DOT_RADIUS, xy[k + 1]);
      ctx.arc(xy[k], xy[k + 1], DOT_RADIUS, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  if (picture.rings.length > 0) {
    ctx.strokeStyle = '#201F1E';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 0; k < picture.rings.length; k += 2) {
      ctx.moveTo(picture.rings[k] + RING_RADIUS, picture.rings[k + 1]);
      ctx.arc(picture.rings[k], picture.rings[k + 1], RING_RADIUS, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = '#201F1E';
  ctx.lineWidth = 1.2;
  for (const h of picture.homes) {
    ctx.fillStyle = h.colour;
    ctx.fillRect(h.x - 4, h.y - 4, 8, 8);
    ctx.strokeRect(h.x - 4, h.y - 4, 8, 8);
  }
  ctx.fillStyle = '#323130';
  ctx.font = '11px sans-serif';
  ctx.fillText(label, 6, 14);
}

/** Canvas pixels per picture unit: sharp at the panel's widest (1.5 ×) on a 2 × screen. */
const SCALE = 3;

function MapPanel({ id, label, picture, count }: { id: string; label: string; picture: MapPicture; count: number }): React.JSX.Element {
  const canvas = React.useRef<HTMLCanvasElement>(null);
  React.useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    paintMap(ctx, picture, SCALE, label);
  }, [picture, label]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={`${label}: ${count} accounts coloured by rep${picture.rings.length > 0 ? `, ${picture.rings.length / 2} ringed as moving` : ''}`}
      width={WIDTH * SCALE}
      height={HEIGHT * SCALE}
      style={{ width: '100%', maxWidth: WIDTH * 1.5, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: '1px solid #E1DFDD' }}
      data-testid={`map-${id}`}
    />
  );
}

function TerritoryMapView({ accounts, reps, after, scenarioName }: TerritoryMapProps): React.JSX.Element {
  // the Territory Map sheet's colours, so a rep has the same colour in the pane and on the sheet
  const colour = React.useMemo(() => {
    const hex = repColors(reps);
    return (id: string | null) => `#${hex(id)}`;
  }, [reps]);
  const projection = React.useMemo(
    () =>
      fitProjection([
        ...accounts.flatMap((a) => (a.lat === null || a.lon === null ? [] : [{ lat: a.lat, lon: a.lon }])),
        ...reps.flatMap((r) => (r.homeLat === null || r.homeLon === null ? [] : [{ lat: r.homeLat, lon: r.homeLon }])),
      ]),
    [accounts, reps],
  );
  const beforeOwners = React.useMemo(() => accounts.map((a) => a.owner), [accounts]);
  const before = React.useMemo(() => (projection ? mapPicture(accounts, reps, beforeOwners, false, projection, colour) : null), [accounts, reps, beforeOwners, projection, colour]);
  const afterPicture = React.useMemo(() => (projection && after ? mapPicture(accounts, reps, after, true, projection, colour) : null), [accounts, reps, after, projection, colour]);
  const located = before ? [...before.dots.values()].reduce((n, xy) => n + xy.length / 2, 0) : 0;
  if (!before || located === 0) {
    return (
      <section aria-labelledby="map-title">
        <h2 id="map-title">Territory map</h2>
        <Text>No account has Latitude and Longitude, so there is no map to draw.</Text>
      </section>
    );
  }
  const beforeBooks = booksByRep(reps, accounts, beforeOwners);
  const afterBooks = after ? booksByRep(reps, accounts, after) : null;
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Territory map</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <MapPanel id="before" label="Before" picture={before} count={located} />
        {afterPicture && <MapPanel id="after" label={scenarioName ? `After (${scenarioName})` : 'After'} picture={afterPicture} count={located} />}
      </div>
      <ul aria-label="Map legend" style={{ listStyle: 'none', paddingLeft: 0, columns: 2, fontSize: 12 }}>
        {reps.map((r) => (
          <li key={r.id}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: colour(r.id) }} />
            {r.name} ({r.status}): {beforeBooks.get(r.id)!.length}
            {afterBooks ? ` → ${afterBooks.get(r.id)!.length}` : ''} accounts
          </li>
        ))}
      </ul>
      <Text size={200}>Squares are rep homes; ringed dots are accounts that move.</Text>
    </section>
  );
}

/** Memoized: the pane re-renders on every write-progress tick. */
export const TerritoryMap = React.memo(TerritoryMapView);
