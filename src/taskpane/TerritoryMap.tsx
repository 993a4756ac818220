/**
 * Before/after territory map (seed 001: "the map wasn't visible to reps"): accounts as dots
 * coloured by owner, rep homes as squares, moved accounts ringed in the "after" picture. An
 * equirectangular projection scaled by cos(latitude) is plenty at territory scale.
 */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Account, Rep } from '../core/model';
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

function TerritoryMapView({ accounts, reps, after, scenarioName }: TerritoryMapProps): React.JSX.Element {
  // the Territory Map sheet's colours, so a rep has the same colour in the pane and on the sheet
  const colour = React.useMemo(() => {
    const hex = repColors(reps);
    return (id: string | null) => `#${hex(id)}`;
  }, [reps]);
  const located = accounts.map((a, i) => ({ a, i })).filter(({ a }) => a.lat !== null && a.lon !== null);
  const homes = reps.filter((r) => r.homeLat !== null && r.homeLon !== null);
  const projection = React.useMemo(
    () =>
      fitProjection([
        ...located.map(({ a }) => ({ lat: a.lat as number, lon: a.lon as number })),
        ...homes.map((r) => ({ lat: r.homeLat as number, lon: r.homeLon as number })),
      ]),
    [accounts, reps],
  );
  if (!projection || located.length === 0) {
    return (
      <section aria-labelledby="map-title">
        <h2 id="map-title">Territory map</h2>
        <Text>No account has Latitude and Longitude, so there is no map to draw.</Text>
      </section>
    );
  }
  const counts = (owners: (string | null)[]) => {
    const c = new Map<string, number>();
    for (const o of owners) if (o !== null) c.set(o, (c.get(o) ?? 0) + 1);
    return c;
  };
  const beforeOwners = accounts.map((a) => a.owner);
  const beforeCounts = counts(beforeOwners);
  const afterCounts = after ? counts(after) : null;
  const panel = (label: string, owners: (string | null)[], ringMoved: boolean) => (
    <svg
      role="img"
      aria-label={`${label}: ${located.length} accounts coloured by rep`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH * 1.5, border: '1px solid #E1DFDD', background: '#FAFAFA' }}
      data-testid={`map-${label.toLowerCase()}`}
    >
      <title>{label}</title>
      <text x={6} y={14} fontSize={11} fill="#323130">
        {label}
      </text>
      {located.map(({ a, i }) => {
        const owner = owners[i];
        const moved = ringMoved && owner !== a.owner;
        return (
          <circle
            key={a.id}
            cx={projection.x(a.lon as number)}
            cy={projection.y(a.lat as number)}
            r={moved ? 3.2 : 2.4}
            fill={colour(owner)}
            fillOpacity={0.85}
            stroke={moved ? '#201F1E' : 'none'}
            strokeWidth={moved ? 1 : 0}
          />
        );
      })}
      {homes.map((r) => (
        <rect
          key={r.id}
          x={projection.x(r.homeLon as number) - 4}
          y={projection.y(r.homeLat as number) - 4}
          width={8}
          height={8}
          fill={colour(r.id)}
          stroke="#201F1E"
          strokeWidth={1.2}
        />
      ))}
    </svg>
  );
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Territory map</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {panel('Before', beforeOwners, false)}
        {after && panel(scenarioName ? `After (${scenarioName})` : 'After', after, true)}
      </div>
      <ul aria-label="Map legend" style={{ listStyle: 'none', paddingLeft: 0, columns: 2, fontSize: 12 }}>
        {reps.map((r) => (
          <li key={r.id}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: colour(r.id) }} />
            {r.name} ({r.status}): {beforeCounts.get(r.id) ?? 0}
            {afterCounts ? ` → ${afterCounts.get(r.id) ?? 0}` : ''} accounts
          </li>
        ))}
      </ul>
      <Text size={200}>Squares are rep homes; ringed dots are accounts that move.</Text>
    </section>
  );
}

/** Memoized: the pane re-renders on every write-progress tick, and this draws one element per account. */
export const TerritoryMap = React.memo(TerritoryMapView);
