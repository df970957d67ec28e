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
