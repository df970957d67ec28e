/** printers.go namespaceColumnDefinitions and printNamespace: NAME STATUS AGE, nothing wide. */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { Columns } from './columns';
import { since } from './humanDuration';

export const namespaceColumns: Columns<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  cells: (n: Namespace, now) => [
    n.metadata?.name ?? '',
    n.status?.phase ?? '',
    since(n.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};
