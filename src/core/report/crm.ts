/**
 * The CRM update file (seed 003: assignments must flow downstream): `Account ID,New Owner` for every
 * account whose owner changes in the plan, RFC 4180 quoting, CRLF line ends, header always.
 */
import type { Plan, TerritoryData } from '../model';

/** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function crmCsv(data: TerritoryData, plan: Plan): string {
  const lines = ['Account ID,New Owner'];
  data.accounts.forEach((a, i) => {
    const to = plan.owners[i];
    if (to !== undefined && to !== a.owner) lines.push(`${csvField(a.id)},${csvField(to)}`);
  });
  return lines.join('\r\n') + '\r\n';
}
