/**
 * The plugin's printed views of a Rollout: `get rollout` (cmd/get/get_rollout.go PrintRollout,
 * PrintRolloutTree and get.go's tree prefixes), `list rollouts` (cmd/list/list_rollouts.go
 * PrintRolloutTable and rollloutinfo.go) and the `status` lines (cmd/status/status.go).
 *
 * Output is the plugin's uncoloured one: what it prints with --no-color or TERM=dumb (its
 * ansiFormat adds escape codes otherwise, which the simulated console does not render).
 */
import type { Rollout } from '../../api/objects';
import { toTimestamp } from '../../core/time';
import { humanDuration, servedMs, since } from '../print/humanDuration';
import { tabwrite } from '../print/table';
import { currentSetWeight } from '../../controllers/rollout/phase';
import {
  IconBad,
  IconOK,
  IconUnknown,
  IconWarning,
  images,
  revisions,
  rolloutPhase,
  type AnalysisRunInfo,
  type ImageInfo,
  type ReplicaSetInfo,
  type RolloutInfo,
} from './info';

const IconRollout = '⟳';
const IconRevision = '#';
const IconReplicaSet = '⧉';
const IconPod = '□';
const IconJob = '⊞';
const IconAnalysis = 'α';

/** get_rollout.go uses ansiterm.NewTabWriter(out, 0, 0, 2, ' ', 0). */
const TREE_TABWRITER = { minWidth: 0, padding: 2 };

/** Go's fmt "%-17s%v\n". */
function field(label: string, value: string | number): string {
  return `${label.padEnd(17)}${value}\n`;
}

/** getPrefixes: the tree branch for a child, and the prefix its own children continue with. */
function prefixes(isLast: boolean, subPrefix: string): [string, string] {
  return isLast ? [`${subPrefix}└──`, `${subPrefix}   `] : [`${subPrefix}├──`, `${subPrefix}│  `];
}

function formatImage(image: ImageInfo): string {
  return image.tags.length ? `${image.image} (${image.tags.join(', ')})` : image.image;
}

/** ScaleDownDelay: time left until the scale-down-deadline annotation, or "passed". */
function scaleDownDelay(rs: ReplicaSetInfo, nowMs: number): string {
  // time.Parse(time.RFC3339, ...): an RFC 3339 date-time, fractional seconds allowed.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(rs.scaleDownDeadline))
    return '';
  // Argo writes the deadline with time.RFC3339 (whole seconds).
  const deadline = servedMs(rs.scaleDownDeadline);
  if (deadline === undefined) return '';
  if (deadline < nowMs) return 'passed';
  return humanDuration(deadline - nowMs);
}

/** A row of the tree table: NAME, KIND, STATUS, AGE, INFO. */
function row(name: string, kind: string, status: string, age: string, info: string): string {
  return `${name}\t${kind}\t${status}\t${age}\t${info}\n`;
}

function replicaSetRows(rs: ReplicaSetInfo, prefix: string, subpfx: string, now: number): string {
  const infoCols: string[] = [];
  if (rs.stable) infoCols.push('stable');
  if (rs.canary) infoCols.push('canary');
  else if (rs.active) infoCols.push('active');
  else if (rs.preview) infoCols.push('preview');
  if (rs.ping) infoCols.push('ping');
  if (rs.pong) infoCols.push('pong');
  if (rs.scaleDownDeadline !== '') infoCols.push(`delay:${scaleDownDelay(rs, now)}`);
  let out = row(
    `${prefix}${IconReplicaSet} ${rs.name}`,
    'ReplicaSet',
    `${rs.icon} ${rs.status}`,
    since(rs.creationTimestamp, now),
    infoCols.join(','),
  );
  rs.pods.forEach((pod, i) => {
    const [podPrefix] = prefixes(i === rs.pods.length - 1, subpfx);
    const podInfo = [`ready:${pod.ready}`];
    if (pod.restarts > 0) podInfo.push(`restarts:${pod.restarts}`);
    out += row(
      `${podPrefix}${IconPod} ${pod.name}`,
      'Pod',
      `${pod.icon} ${pod.status}`,
      since(pod.creationTimestamp, now),
      podInfo.join(','),
    );
  });
  return out;
}

function analysisRunRows(ar: AnalysisRunInfo, prefix: string, subpfx: string, now: number): string {
  const infoCols: string[] = [];
  if (ar.successful > 0) infoCols.push(`${IconOK} ${ar.successful}`);
  if (ar.failed > 0) infoCols.push(`${IconBad} ${ar.failed}`);
  if (ar.inconclusive > 0) infoCols.push(`${IconUnknown} ${ar.inconclusive}`);
  if (ar.error > 0) infoCols.push(`${IconWarning} ${ar.error}`);
  let out = row(
    `${prefix}${IconAnalysis} ${ar.name}`,
    'AnalysisRun',
    `${ar.icon} ${ar.status}`,
    since(ar.creationTimestamp, now),
    infoCols.join(','),
  );
  ar.jobs.forEach((job, i) => {
    const [jobPrefix] = prefixes(i === ar.jobs.length - 1, subpfx);
    // A Job without a start time has Go's zero creation time: an age of ~292 years.
    const age = job.creationTimestamp ? since(job.creationTimestamp, now) : '292y';
    out += row(`${jobPrefix}${IconJob} ${job.name}`, 'Job', `${job.icon} ${job.status}`, age, '');
  });
  return out;
}

/** PrintRolloutTree. */
function rolloutTree(info: RolloutInfo, now: number): string {
  let text = row('NAME', 'KIND', 'STATUS', 'AGE', 'INFO');
  text += row(
    `${IconRollout} ${info.name}`,
    'Rollout',
    `${info.icon} ${info.status}`,
    since(info.creationTimestamp, now),
    '',
  );
  const revs = revisions(info);
  revs.forEach((rev, i) => {
    const [prefix, subpfx] = prefixes(i === revs.length - 1, '');
    text += row(`${prefix}${IconRevision} revision:${rev}`, '', ' ', '', '');
    const rss = info.replicaSets.filter((rs) => rs.revision === rev);
    const ars = info.analysisRuns.filter((ar) => ar.revision === rev);
    const total = rss.length + ars.length;
    let curr = 0;
    for (const rs of rss) {
      const [p, s] = prefixes(curr === total - 1, subpfx);
      text += replicaSetRows(rs, p, s, now);
      curr++;
    }
    for (const ar of ars) {
      const [p, s] = prefixes(curr === total - 1, subpfx);
      text += analysisRunRows(ar, p, s, now);
      curr++;
    }
  });
  return tabwrite(text, TREE_TABWRITER);
}

/** PrintRollout: the summary, then the tree. */
export function printRollout(info: RolloutInfo, now: number): string {
  let out = '';
  out += field('Name:', info.name);
  out += field('Namespace:', info.namespace);
  out += field('Status:', `${info.icon} ${info.status}`);
  if (info.message !== '') out += field('Message:', info.message);
  out += field('Strategy:', info.strategy);
  if (info.strategy === 'Canary') {
    out += field('  Step:', info.step);
    out += field('  SetWeight:', info.setWeight);
    out += field('  ActualWeight:', info.actualWeight);
  }
  const imgs = images(info);
  imgs.forEach((img, i) => (out += field(i === 0 ? 'Images:' : '', formatImage(img))));
  out += 'Replicas:\n';
  out += field('  Desired:', info.desired);
  out += field('  Current:', info.current);
  out += field('  Updated:', info.updated);
  out += field('  Ready:', info.ready);
  out += field('  Available:', info.available);
  out += '\n';
  return out + rolloutTree(info, now);
}

/** Go's fmt %-Ns. */
const pad = (s: string | number, n: number) => String(s).padEnd(n);

export interface ListOptions {
  allNamespaces: boolean;
  timestamps: boolean;
}

/** rollloutinfo.go newRolloutInfo + String: one `list rollouts` line. */
function listLine(ro: Rollout, now: number, opts: ListOptions): string {
  let strategy = 'unknown';
  let step = '-';
  let setWeight = '-';
  const canary = ro.spec.strategy?.canary;
  if (canary) {
    strategy = 'Canary';
    const steps = canary.steps ?? [];
    if (ro.status?.currentStepIndex !== undefined && steps.length > 0)
      step = `${ro.status.currentStepIndex}/${steps.length}`;
    setWeight = String(currentSetWeight(ro));
  } else if (ro.spec.strategy?.blueGreen) {
    strategy = 'BlueGreen';
  }
  const st = ro.status ?? {};
  const cells = [
    pad(ro.metadata?.name ?? '', 10),
    pad(strategy, 9),
    pad(rolloutPhase(ro).phase, 12),
    pad(step, 4),
    pad(setWeight, 10),
    pad(`${st.readyReplicas ?? 0}/${st.replicas ?? 0}`, 5),
    pad(ro.spec.replicas ?? 1, 7),
    pad(st.updatedReplicas ?? 0, 10),
    pad(st.availableReplicas ?? 0, 9),
  ];
  if (opts.allNamespaces) cells.unshift(pad(ro.metadata?.namespace ?? '', 9));
  if (opts.timestamps) cells.unshift(pad(toTimestamp(now).replace(/\.\d+Z$/, 'Z'), 20));
  return cells.join('\t');
}

/** PrintRolloutTable (text/tabwriter 0, 0, 2). */
export function printRolloutTable(rollouts: readonly Rollout[], now: number, opts: ListOptions) {
  let header = 'NAME\tSTRATEGY\tSTATUS\tSTEP\tSET-WEIGHT\tREADY\tDESIRED\tUP-TO-DATE\tAVAILABLE\n';
  if (opts.allNamespaces) header = `NAMESPACE\t${header}`;
  if (opts.timestamps) header = `TIMESTAMP\t${header}`;
  const text = header + rollouts.map((ro) => `${listLine(ro, now, opts)}\n`).join('');
  return tabwrite(text, TREE_TABWRITER);
}
