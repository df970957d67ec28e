/**
 * One http rule of a route box: its number and match, the client groups whose requests it takes,
 * the split of its destinations (configured weights over the measured split, draggable when it
 * has two), each destination with what its subset selects now, and its mirror.
 */
import { memo } from 'react';
import { segmentSlot } from './segments';
import { SplitBar } from './SplitBar';
import { routeId, type RouteDestData, type RouteRuleData } from './stageSelectors';
import { useRegister } from './stageRegistry';
import type { RuleCounts } from '../../sim/view/frame';
import { shortImage } from './layout';
import { destName, formatShare } from './routeText';
import { MirrorOutcome, useMirrorTotals } from './MirrorOutcome';

interface Props {
  vs: string;
  rule: RouteRuleData;
  segmented: boolean;
  /** Its requests per second as measured over the last seconds; null before any. */
  measured: RuleCounts | null;
  /** The only rule that mirrors: the mirrored copies' outcome is shown under its mirror. */
  onlyMirror?: boolean;
  /** An HTTPRoute's rule: weights are proportions, shown with their share. */
  kind?: 'VirtualService' | 'HTTPRoute';
}

export const RouteRule = memo(function RouteRule({
  vs,
  rule,
  segmented,
  measured,
  onlyMirror = false,
  kind = 'VirtualService',
}: Props) {
  const head = useRegister('routes', routeId(vs, rule.index));
  const perDest = rule.dests.map((_, j) => measured?.destinations[j] ?? 0);
  const total = perDest.reduce((a, n) => a + n, 0);
  const shares = perDest.map((n) => (total > 0 ? n / total : null));
  const idle = rule.share <= 0;
  const n = rule.index + 1;
  const isDefault = rule.match === 'default';
  return (
    <li
      className="route-rule"
      data-idle={idle ? '' : undefined}
      aria-label={`Rule ${n}: ${rule.match}`}
    >
      <div ref={head} className="rule-head">
        <span className="rule-n" aria-hidden="true">
          {n}
        </span>
        <code className="rule-match" data-default={isDefault ? '' : undefined}>
          {isDefault ? 'default' : rule.match}
        </code>
      </div>
      <div className="rule-who">
        {idle ? (
          <span className="rule-none">no client matches</span>
        ) : segmented ? (
          rule.segments.map(([seg, label]) => (
            <span key={seg} className="rule-seg" data-s={segmentSlot(seg)}>
              {label}
            </span>
          ))
        ) : (
          <span className="rule-all">{isDefault ? 'all requests' : 'all clients'}</span>
        )}
      </div>
      {rule.dests.length > 1 && <SplitBar vs={vs} rule={rule} measured={shares} kind={kind} />}
      <ul className="rule-dests">
        {rule.dests.map((d, j) => (
          <DestRow key={j} vs={vs} rule={rule.index} index={j} dest={d} share={shares[j] ?? null} />
        ))}
        {rule.mirror && (
          <MirrorRow vs={vs} rule={rule} perSecond={measured?.mirrored ?? 0} outcome={onlyMirror} />
        )}
      </ul>
    </li>
  );
});

function DestRow(p: {
  vs: string;
  rule: number;
  index: number;
  dest: RouteDestData;
  share: number | null;
}) {
  const ref = useRegister('routes', routeId(p.vs, p.rule, p.index));
  const d = p.dest;
  const measured = p.share === null ? 'measured —' : `measured ${formatShare(p.share)}`;
  // An HTTPRoute's weight is a proportion: "weight 1 (10%)"; a VirtualService's is a percent.
  const weight =
    d.configuredWeight === undefined
      ? `${d.weight}%`
      : `${d.configuredWeight} (${formatShare(d.weight / 100)})`;
  const what = d.missing
    ? `no subset "${d.subset ?? ''}" in a DestinationRule`
    : d.pods.length === 0
      ? 'selects no pods'
      : `${d.images.map(shortImage).join(', ')} · ${d.ready}/${d.pods.length} ready`;
  return (
    <li
      ref={ref}
      className="rule-dest"
      data-v={d.slot}
      data-off={d.weight === 0 ? '' : undefined}
      aria-label={`${destName(d)}: weight ${weight}, ${measured}`}
      title={d.pods.join('\n') || undefined}
    >
      <span className="dest-swatch" aria-hidden="true" />
      <span className="dest-name">
        {d.subset ? (
          <>
            <b>{d.subset}</b>
            <span className="dest-svc"> · {d.service}</span>
          </>
        ) : (
          <b>{d.service}</b>
        )}
      </span>
      <span className="dest-weight">{weight}</span>
      <span className="dest-measured">{measured}</span>
      <span className="dest-pods" data-warn={d.missing || d.pods.length === 0 ? '' : undefined}>
        {what}
      </span>
    </li>
  );
}

function MirrorRow(p: { vs: string; rule: RouteRuleData; perSecond: number; outcome: boolean }) {
  const { vs, rule } = p;
  const ref = useRegister('routes', routeId(vs, rule.index, 'm'));
  const totals = useMirrorTotals();
  const m = rule.mirror;
  if (!m) return null;
  const name = destName(m);
  return (
    <li
      ref={ref}
      className="rule-mirror"
      aria-label={`mirror ${m.percent}% to ${name} (responses dropped)`}
    >
      <span className="mirror-head">
        mirror {m.percent}% → <b>{m.subset ?? m.service}</b>
        {m.subset && <span className="dest-svc"> · {m.service}</span>}
      </span>
      <span className="mirror-note">
        (responses dropped)
        {p.perSecond > 0 && ` · ${formatRate(p.perSecond)} copies/s`}
      </span>
      {p.outcome && totals && <MirrorOutcome totals={totals} />}
    </li>
  );
}

function formatRate(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}
