/**
 * The columns `kubectl get` prints for Gateway API's kinds: the additionalPrinterColumns of
 * kubernetes-sigs/gateway-api config/crd/standard/gateway.networking.k8s.io_{gatewayclasses,
 * gateways,httproutes}.yaml, rendered as the API server's CRD table convertor does. A `string`
 * column whose JSONPath yields an array (HTTPRoute's `.spec.hostnames`, Gateway's
 * `.status.addresses[*].value`) is printed by client-go's jsonpath PrintResults, which marshals
 * slices as JSON: `["web.example.com"]`.
 */
import type { Gateway, GatewayClass, HTTPRoute } from '../../api/objects';
import type { Columns } from './columns';
import { since } from './humanDuration';

type Condition = { type?: string; status?: string };

/** `.status.conditions[?(@.type=="X")].status`: empty when absent. */
function conditionStatus(conditions: readonly Condition[] | undefined, type: string): string {
  return conditions?.find((c) => c.type === type)?.status ?? '';
}

/** CONTROLLER, ACCEPTED, AGE; DESCRIPTION is priority 1 (`-o wide`). */
export const gatewayClassColumns: Columns<GatewayClass> = {
  headers: ['NAME', 'CONTROLLER', 'ACCEPTED', 'AGE'],
  wideHeaders: ['DESCRIPTION'],
  cells: (g: GatewayClass, now) => [
    g.metadata?.name ?? '',
    g.spec?.controllerName ?? '',
    conditionStatus(g.status?.conditions, 'Accepted'),
    since(g.metadata?.creationTimestamp, now),
  ],
  wideCells: (g: GatewayClass) => [g.spec?.description ?? ''],
};

export const gatewayColumns: Columns<Gateway> = {
  headers: ['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'],
  wideHeaders: [],
  cells: (g: Gateway, now) => {
    const addresses = (g.status?.addresses ?? []).map((a) => a.value);
    return [
      g.metadata?.name ?? '',
      g.spec?.gatewayClassName ?? '',
      // jsonpath `[*]` with one result prints it bare; several are space-separated.
      addresses.join(' '),
      conditionStatus(g.status?.conditions, 'Programmed'),
      since(g.metadata?.creationTimestamp, now),
    ];
  },
  wideCells: () => [],
};

export const httpRouteColumns: Columns<HTTPRoute> = {
  headers: ['NAME', 'HOSTNAMES', 'AGE'],
  wideHeaders: [],
  cells: (r: HTTPRoute, now) => [
    r.metadata?.name ?? '',
    r.spec?.hostnames?.length ? JSON.stringify(r.spec.hostnames) : '',
    since(r.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};
