/**
 * `kubectl describe endpoints` and `kubectl describe endpointslices`: kubectl's own describers
 * for both (kubectl v1.32 pkg/describe/describe.go describeEndpoints, describeEndpointSliceV1).
 */
import type { Endpoints, Event } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeText';
import { writeEvents } from './describeEvents';

function head(w: PrefixWriter, meta: Endpoints['metadata']): void {
  w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta?.labels);
  printAnnotationsMultiline(w, 'Annotations', meta?.annotations);
}

export function describeEndpoints(
  ep: Endpoints,
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  head(w, ep.metadata);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    const ready = (s.addresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
    const notReady = (s.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    if (s.ports?.length) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of s.ports)
        w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  if (events) writeEvents(w, events, nowMs);
  return w.text();
}

export function describeEndpointSlice(
  eps: EndpointSlice,
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  head(w, eps.metadata);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
  if (!eps.ports?.length) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of eps.ports) {
      const port = p.port !== undefined ? String(p.port) : '<unset>';
      w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
    }
  }
  if (!eps.endpoints.length) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      const ready = e.conditions?.ready;
      w.write(LEVEL_3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (events) writeEvents(w, events, nowMs);
  return w.text();
}
