/**
 * The runner's stderr lines for what import found (scenario-format.md §3): a note per line
 * (`note: no Scenario document in web.yaml: generated …`), then each ignored kind or field
 * (`ignored: Deployment/web spec.template.spec.volumes: no storage is simulated`).
 */
import type { RunOutcome } from '../sim';

export function importReport(outcome: Pick<RunOutcome, 'notes' | 'ignored'>): string {
  const lines = [
    ...(outcome.notes ?? []).map((n) => `note: ${n}`),
    ...(outcome.ignored ?? []).map((i) => `ignored: ${i.what}`),
  ];
  return lines.map((l) => `${l}\n`).join('');
}
