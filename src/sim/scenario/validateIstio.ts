/**
 * What Istio's validating webhook says about a VirtualService the simulator routes by
 * (istio pkg/config/validation: ValidateVirtualService): hosts present, each route's
 * destinations with a host, and weights adding up to 100. The webhook's words, as kubectl
 * prints them after `Error from server:`.
 */
import type { VirtualService } from '../api/objects';

const PREFIX =
  'admission webhook "validation.istio.io" denied the request: configuration is invalid: ';

export function validateVirtualService(vs: VirtualService): string[] {
  const errs: string[] = [];
  if (!(vs.spec?.hosts ?? []).length) errs.push('virtual service must have at least one host');
  (vs.spec?.http ?? []).forEach((r) => {
    const route = r.route ?? [];
    if (!route.length && !r.redirect && !r.directResponse)
      errs.push('HTTP route or redirect is required');
    let total = 0;
    for (const d of route) {
      if (!d.destination?.host) errs.push('destination is required');
      total += d.weight ?? 0;
    }
    if (route.length > 1 && total !== 100) errs.push(`total destination weight ${total} != 100`);
    const pct = r.mirrorPercentage?.value;
    if (pct !== undefined && (pct < 0 || pct > 100))
      errs.push(`mirror_percentage must have a max value of 100 (it has ${pct})`);
  });
  return errs.length ? [PREFIX + errs.join(', ')] : [];
}
