/** The trigger audit as terminal text: each trigger with its status and evidence, candidates, verdict. */
import type { Audit, Rep, TerritoryData } from '../core/model';

const STATUS_WIDTH = 'NOT A TRIGGER'.length;

export function auditText(data: TerritoryData, audit: Audit, width = 100): string[] {
  const lines: string[] = [];
  const count = (s: Rep['status']) => data.reps.filter((r) => r.status === s).length;
  lines.push(
    `${data.accounts.length} accounts, ${data.reps.length} reps (${count('Active')} active, ${count('New')} new, ${count('Departing')} departing)`,
  );
  if (data.potentialModel) lines.push(`Potential: ${data.potentialModel.description}`);
  lines.push('', 'Triggers');
  const nameWidth = Math.min(40, Math.max(...audit.triggers.map((t) => t.name.length), 8));
  for (const t of audit.triggers) {
    const head = `  ${t.status.padEnd(STATUS_WIDTH)}  ${t.name.padEnd(nameWidth)}  `;
    const wrapped = wrap(t.evidence, Math.max(30, width - head.length));
    lines.push(head + (wrapped[0] ?? ''));
    for (const more of wrapped.slice(1)) lines.push(' '.repeat(head.length) + more);
  }
  lines.push('');
  const names = new Map(data.reps.map((r) => [r.id, r.name && r.name !== r.id ? `${r.id} ${r.name}` : r.id]));
  if (audit.candidates.length === 0) lines.push('Candidates: no territory has 2+ metrics out of band');
  else {
    lines.push(`Candidates (2+ metrics out of band): ${audit.candidates.length}`);
    for (const c of audit.candidates) lines.push(`  ${names.get(c.repId) ?? c.repId}: ${c.outOfBand.join(', ')}`);
  }
  lines.push('', `Verdict: ${audit.verdict.toUpperCase()}`);
  for (const line of wrap(audit.verdictReason, width - 2)) lines.push(`  ${line}`);
  return lines;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
