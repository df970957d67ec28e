/**
 * kubectl's NamespaceDescriber (k8s.io/kubectl pkg/describe/describe.go describeNamespace):
 * Name, Labels, Annotations, Status. It then lists ResourceQuotas and LimitRanges; the
 * simulated API server serves neither, and the describer takes a NotFound on those lists as
 * "the server does not support them" and prints no section for them.
 */
import type { Namespace } from 'kubernetes-types/core/v1';
import {
  LEVEL_0,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeText';

export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  return w.text();
}
