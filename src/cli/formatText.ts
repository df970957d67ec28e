/**
 * The runner's text format: commands with their output, the event log laid out the way
 * `kubectl describe` lays out Events (with the simulated time instead of an age), and a summary.
 */
import type { RunResult } from '../sim/runner/runResult';
import { formatTable } from '../sim';

function secs(t: number): string {
  return `${t.toFixed(3).replace(/\.?0+$/, '')}s`;
}

export function formatText(r: RunResult): string {
  const out: string[] = [];
  out.push(`Scenario:  ${r.scenario}`);
  out.push(`Seed:      ${r.seed}`);
  out.push(`Duration:  ${r.duration}s`);
  out.push('');
  if (r.commands.length) {
    out.push('Commands:');
    for (const c of r.commands) {
      out.push(
        `  [${secs(c.t)}] $ kubectl ${c.command}${c.exitCode ? `   (exit ${c.exitCode})` : ''}`,
      );
      for (const line of c.output.replace(/\n$/, '').split('\n')) out.push(`    ${line}`);
    }
    out.push('');
  }
  out.push('Events:');
  const rows = r.events.map((e) => [
    secs(e.t),
    e.type,
    e.reason,
    e.object,
    e.source ?? '',
    e.message,
  ]);
  const table = formatTable([['TIME', 'TYPE', 'REASON', 'OBJECT', 'FROM', 'MESSAGE'], ...rows]);
  for (const line of table.replace(/\n$/, '').split('\n')) out.push(`  ${line}`);
  out.push('');
  const s = r.summary;
  const last = r.samples[r.samples.length - 1];
  out.push('Summary:');
  out.push(
    formatTable([
      ['ROLLOUT', 'DOWNTIME', 'REQUESTS', 'ERRORS', 'PEAK PODS'],
      [
        s.rolloutSeconds === null ? '<none>' : secs(s.rolloutSeconds),
        secs(s.downtimeSeconds),
        String(s.requests),
        String(s.errors),
        String(s.peakPods),
      ],
    ])
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  const mirrored = mirroredTable(r);
  if (mirrored)
    out.push(
      '',
      'Mirrored copies (their answers are dropped: not in REQUESTS or ERRORS):',
      mirrored,
    );
  if (last) {
    out.push('');
    out.push(`At ${secs(last.t)}:`);
    const drows = last.deployments.map((d) => [
      d.name,
      `${d.ready}/${d.desired}`,
      String(d.updated),
      String(d.available),
      d.images.join(','),
    ]);
    if (drows.length) {
      out.push(
        formatTable([['DEPLOYMENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'IMAGES'], ...drows])
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The run's mirrored copies by outcome (scenario-format.md §3); null when nothing was mirrored. */
function mirroredTable(r: RunResult): string | null {
  let copies = 0;
  const byImage: Record<string, number> = {};
  const errors = { 'no-endpoints': 0, refused: 0, 'app-error': 0 };
  for (const { traffic: t } of r.samples) {
    copies += t.mirrored;
    for (const [img, n] of Object.entries(t.mirroredByImage))
      byImage[img] = (byImage[img] ?? 0) + n;
    for (const k of Object.keys(errors) as (keyof typeof errors)[])
      errors[k] += t.mirroredErrors[k];
  }
  if (copies === 0) return null;
  const reached =
    Object.entries(byImage)
      .map(([img, n]) => `${img}=${n}`)
      .join(',') || '<none>';
  return formatTable([
    ['MIRRORED', 'ANSWERED BY', 'NO-ENDPOINTS', 'REFUSED', 'APP-ERROR'],
    [
      String(copies),
      reached,
      String(errors['no-endpoints']),
      String(errors.refused),
      String(errors['app-error']),
    ],
  ])
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
