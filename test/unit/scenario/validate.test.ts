/**
 * API-server validation messages, compared as whole strings. Sources: pkg/apis/apps/validation,
 * pkg/apis/core/validation, apimachinery field.Error rendering (JSON for composite values since
 * v1.34), k8s-semantics.md §2.2.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../../src/sim/api/objects';
import { applyDefaults } from '../../../src/sim/api/defaults';
import { validateObject, validateUpdate } from '../../../src/sim/scenario/validate';

const check = (yaml: string): string[] => validateObject(applyDefaults(parse(yaml) as KubeObject));

/** A valid Deployment with `extra` spliced into its spec (two-space indented YAML). */
const deployment = (
  extra = '',
  opts: { name?: string; selector?: string; labels?: string; containers?: string } = {},
) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${opts.name ?? 'web'} }
spec:
${opts.selector ?? '  selector: { matchLabels: { app: web } }'}
  template:
    metadata: { labels: ${opts.labels ?? '{ app: web }'} }
    spec:
      containers: ${opts.containers ?? '[{ name: web, image: "nginx:1.25" }]'}
${extra}`;

const D = 'Deployment.apps "web" is invalid: ';
const NOT_MATCH = '`selector` does not match template `labels`';
const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

describe('A valid manifest of each kind', () => {
  it.each([
    ['Deployment', deployment()],
    ['ReplicaSet', deployment().replace('apps/v1\nkind: Deployment', 'apps/v1\nkind: ReplicaSet')],
    [
      'ReplicationController',
      'apiVersion: v1\nkind: ReplicationController\nmetadata: { name: rc }\nspec:\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: app }] }',
    ],
    [
      'Pod',
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: web, image: app }] }',
    ],
    [
      'Service',
      'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }',
    ],
  ])('%s passes', (_kind, yaml) => {
    expect(check(yaml)).toEqual([]);
  });
});

describe('Deployment strategy (§2.2)', () => {
  it('rejects a negative maxSurge', () => {
    expect(check(deployment('  strategy: { rollingUpdate: { maxSurge: -1 } }'))).toEqual([
      `${D}spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0`,
    ]);
  });

  it('rejects a negative maxUnavailable', () => {
    expect(check(deployment('  strategy: { rollingUpdate: { maxUnavailable: -2 } }'))).toEqual([
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -2: must be greater than or equal to 0`,
    ]);
  });

  it('rejects a malformed percent string', () => {
    expect(check(deployment('  strategy: { rollingUpdate: { maxUnavailable: "25" } }'))).toEqual([
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "25": ${PERCENT_MSG}`,
    ]);
    expect(check(deployment('  strategy: { rollingUpdate: { maxSurge: "-5%" } }'))).toEqual([
      `${D}spec.strategy.rollingUpdate.maxSurge: Invalid value: "-5%": ${PERCENT_MSG}`,
    ]);
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    expect(
      check(deployment('  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }')),
    ).toEqual([
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when \`maxSurge\` is 0`,
    ]);
  });

  it('compares the literal numbers: "0%" is zero, "1%" is not', () => {
    expect(
      check(deployment('  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } }')),
    ).toEqual([
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when \`maxSurge\` is 0`,
    ]);
    expect(
      check(
        deployment(
          '  replicas: 3\n  strategy: { rollingUpdate: { maxSurge: "1%", maxUnavailable: "1%" } }',
        ),
      ),
    ).toEqual([]);
  });

  it('rejects maxUnavailable above 100% but lets maxSurge go above', () => {
    expect(check(deployment('  strategy: { rollingUpdate: { maxUnavailable: "150%" } }'))).toEqual([
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%`,
    ]);
    expect(check(deployment('  strategy: { rollingUpdate: { maxSurge: "150%" } }'))).toEqual([]);
  });

  it('rejects rollingUpdate with type Recreate', () => {
    expect(
      check(deployment('  strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } }')),
    ).toEqual([
      `${D}spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy \`type\` is 'Recreate'`,
    ]);
  });

  it('rejects an unknown strategy type, showing the internal struct as the server does', () => {
    expect(check(deployment('  strategy: { type: BlueGreen }'))).toEqual([
      `${D}spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"`,
    ]);
  });
});

describe('Deployment counts and deadlines', () => {
  it('rejects negative replicas', () => {
    expect(check(deployment('  replicas: -1'))).toEqual([
      `${D}spec.replicas: Invalid value: -1: must be greater than or equal to 0`,
    ]);
  });

  it('rejects negative minReadySeconds', () => {
    expect(check(deployment('  minReadySeconds: -1'))).toEqual([
      `${D}spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0`,
    ]);
  });

  it('rejects a negative revisionHistoryLimit', () => {
    expect(check(deployment('  revisionHistoryLimit: -3'))).toEqual([
      `${D}spec.revisionHistoryLimit: Invalid value: -3: must be greater than or equal to 0`,
    ]);
  });

  it('rejects progressDeadlineSeconds not above minReadySeconds', () => {
    expect(check(deployment('  minReadySeconds: 10\n  progressDeadlineSeconds: 10'))).toEqual([
      `${D}spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds`,
    ]);
  });

  it('reports a negative progressDeadlineSeconds twice, as the server does', () => {
    expect(check(deployment('  progressDeadlineSeconds: -5'))).toEqual([
      `${D}[spec.progressDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0, ` +
        'spec.progressDeadlineSeconds: Invalid value: -5: must be greater than minReadySeconds]',
    ]);
  });
});

describe('Deployment selector and template labels', () => {
  it('rejects an empty selector', () => {
    expect(check(deployment('', { selector: '  selector: {}' }))).toEqual([
      `${D}spec.selector: Invalid value: {}: empty selector is invalid for deployment`,
    ]);
  });

  it('requires a selector (and then nothing matches the labels)', () => {
    expect(check(deployment('', { selector: '' }))).toEqual([
      `${D}[spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: ${NOT_MATCH}]`,
    ]);
  });

  it('rejects template labels the selector does not match', () => {
    expect(check(deployment('', { labels: '{ app: api, tier: web }' }))).toEqual([
      `${D}spec.template.metadata.labels: Invalid value: {"app":"api","tier":"web"}: ${NOT_MATCH}`,
    ]);
    expect(check(deployment('', { labels: 'null' }))).toEqual([
      `${D}spec.template.metadata.labels: Invalid value: null: ${NOT_MATCH}`,
    ]);
  });

  it('joins several field errors in brackets', () => {
    expect(
      check(
        deployment('  replicas: -1', { selector: '  selector: { matchLabels: { app: api } }' }),
      ),
    ).toEqual([
      `${D}[spec.replicas: Invalid value: -1: must be greater than or equal to 0, ` +
        `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${NOT_MATCH}]`,
    ]);
  });

  it('evaluates matchExpressions', () => {
    const sel =
      '  selector: { matchExpressions: [{ key: app, operator: In, values: [web, api] }] }';
    expect(check(deployment('', { selector: sel }))).toEqual([]);
  });

  it('rejects a bad selector operator', () => {
    const sel = '  selector: { matchExpressions: [{ key: app, operator: Like }] }';
    expect(check(deployment('', { selector: sel }))).toEqual([
      `${D}[spec.selector.matchExpressions[0].operator: Invalid value: "Like": not a valid selector operator, ` +
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Like"}]}: invalid label selector]',
    ]);
  });

  it('requires values for In and forbids them for Exists', () => {
    const noValues =
      '  selector: { matchLabels: { app: web }, matchExpressions: [{ key: tier, operator: In }] }';
    expect(check(deployment('', { selector: noValues }))).toEqual([
      `${D}[spec.selector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn', ` +
        'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector]',
    ]);
    const withValues =
      '  selector: { matchExpressions: [{ key: app, operator: Exists, values: [x] }] }';
    expect(check(deployment('', { selector: withValues }))).toEqual([
      `${D}[spec.selector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', ` +
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Exists","values":["x"]}]}: invalid label selector]',
    ]);
  });
});

describe('Object names', () => {
  it('requires metadata.name', () => {
    expect(check(deployment('', { name: '""' }))).toEqual([
      'Deployment.apps "" is invalid: metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('wants a DNS-1123 subdomain for a Deployment', () => {
    expect(check(deployment('', { name: 'Web_1' }))).toEqual([
      'Deployment.apps "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of ' +
        "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('wants a DNS-1035 label for a Service', () => {
    expect(
      check(
        'apiVersion: v1\nkind: Service\nmetadata: { name: 1web }\nspec: { ports: [{ port: 80 }] }',
      ),
    ).toEqual([
      'Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric ' +
        "characters or '-', start with an alphabetic character, and end with an alphanumeric character " +
        "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
});

describe('Containers in a template', () => {
  const C = 'spec.template.spec.containers';

  it('requires at least one container', () => {
    expect(check(deployment('', { containers: '[]' }))).toEqual([`${D}${C}: Required value`]);
  });

  it('requires a name and an image', () => {
    expect(check(deployment('', { containers: '[{ image: "nginx:1.25" }]' }))).toEqual([
      `${D}${C}[0].name: Required value`,
    ]);
    expect(check(deployment('', { containers: '[{ name: web }]' }))).toEqual([
      `${D}${C}[0].image: Required value`,
    ]);
  });

  it('wants DNS-1123 label names, unique', () => {
    expect(check(deployment('', { containers: '[{ name: Web, image: app }]' }))).toEqual([
      `${D}${C}[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters ` +
        "or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for " +
        "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(
      check(deployment('', { containers: '[{ name: web, image: a }, { name: web, image: b }]' })),
    ).toEqual([`${D}${C}[1].name: Duplicate value: "web"`]);
  });

  it('checks container ports', () => {
    expect(
      check(
        deployment('', { containers: '[{ name: web, image: a, ports: [{ containerPort: 0 }] }]' }),
      ),
    ).toEqual([`${D}${C}[0].ports[0].containerPort: Required value`]);
    expect(
      check(
        deployment('', {
          containers: '[{ name: web, image: a, ports: [{ containerPort: 70000 }] }]',
        }),
      ),
    ).toEqual([
      `${D}${C}[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ]);
  });

  it('checks probes', () => {
    const probe = (p: string) => deployment('', { containers: `[{ name: web, image: a, ${p} }]` });
    expect(check(probe('readinessProbe: { periodSeconds: 1 }'))).toEqual([
      `${D}${C}[0].readinessProbe: Required value: must specify a handler type`,
    ]);
    expect(check(probe('livenessProbe: { httpGet: { port: 80 }, successThreshold: 2 }'))).toEqual([
      `${D}${C}[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`,
    ]);
    expect(
      check(probe('readinessProbe: { tcpSocket: { port: 0 }, initialDelaySeconds: -1 }')),
    ).toEqual([
      `${D}[${C}[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive, ` +
        `${C}[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0]`,
    ]);
  });

  it('only allows restartPolicy Always', () => {
    expect(check(deployment('      restartPolicy: Never'))).toEqual([
      `${D}spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"`,
    ]);
  });
});

describe('Field types the API server cannot decode', () => {
  it('fail before validation, in encoding/json words', () => {
    expect(check(deployment('  replicas: "3"'))).toEqual([
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ' +
        'DeploymentSpec.spec.replicas of type int32',
    ]);
    expect(
      check(
        deployment('', {
          containers: '[{ name: web, image: a, ports: [{ containerPort: 80.5 }] }]',
        }),
      ),
    ).toEqual([
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 80.5 into Go struct field ' +
        'ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    ]);
    expect(check(deployment('', { labels: '{ app: web, version: 2 }' }))).toEqual([
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ' +
        'ObjectMeta.spec.template.metadata.labels of type string',
    ]);
  });
});

describe('ReplicaSet', () => {
  const rs = (extra = '', selector = '  selector: { matchLabels: { app: web } }') =>
    deployment(extra, { selector }).replace('kind: Deployment', 'kind: ReplicaSet');
  const R = 'ReplicaSet.apps "web" is invalid: ';

  it('follows the Deployment replica and selector rules', () => {
    expect(check(rs('  replicas: -2'))).toEqual([
      `${R}spec.replicas: Invalid value: -2: must be greater than or equal to 0`,
    ]);
    // The ReplicaSet shares the Deployment's message, "for deployment" included.
    expect(check(rs('', '  selector: {}'))).toEqual([
      `${R}spec.selector: Invalid value: {}: empty selector is invalid for deployment`,
    ]);
    expect(check(rs('', '  selector: { matchLabels: { app: api } }'))).toEqual([
      `${R}spec.template.metadata.labels: Invalid value: {"app":"web"}: ${NOT_MATCH}`,
    ]);
    expect(check(rs('', ''))).toEqual([
      `${R}[spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: ${NOT_MATCH}]`,
    ]);
  });
});

describe('ReplicationController', () => {
  const RC = 'ReplicationController "rc" is invalid: ';
  const rc = (spec: string) =>
    `apiVersion: v1\nkind: ReplicationController\nmetadata: { name: rc }\nspec:\n${spec}`;
  const template =
    '  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: app }] }';

  it('rejects negative replicas', () => {
    expect(check(rc(`  replicas: -1\n${template}`))).toEqual([
      `${RC}spec.replicas: Invalid value: -1: must be greater than or equal to 0`,
    ]);
  });

  it('rejects a selector that does not match the template', () => {
    expect(check(rc(`  selector: { app: api }\n${template}`))).toEqual([
      `${RC}spec.template.metadata.labels: Invalid value: {"app":"web"}: ${NOT_MATCH}`,
    ]);
  });

  it('requires a selector and a template', () => {
    expect(check(rc('  replicas: 1'))).toEqual([
      `${RC}[spec.selector: Required value, spec.template: Required value]`,
    ]);
  });
});

describe('Pod', () => {
  it('requires an image', () => {
    expect(
      check(
        'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: web }] }',
      ),
    ).toEqual(['Pod "p" is invalid: spec.containers[0].image: Required value']);
  });

  it('accepts the three restart policies only', () => {
    expect(
      check(
        'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { restartPolicy: Sometimes, containers: [{ name: a, image: b }] }',
      ),
    ).toEqual([
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
});

describe('Service', () => {
  const S = 'Service "web" is invalid: ';
  const service = (spec: string) =>
    `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: ${spec}`;

  it('requires ports', () => {
    expect(check(service('{ selector: { app: web } }'))).toEqual([
      `${S}spec.ports: Required value`,
    ]);
  });

  it('checks port numbers, and targetPort defaulted from them', () => {
    expect(check(service('{ ports: [{ port: 0 }] }'))).toEqual([
      `${S}[spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, ` +
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    ]);
  });

  it('requires port names when there are several', () => {
    expect(check(service('{ ports: [{ port: 80 }, { port: 443 }] }'))).toEqual([
      `${S}[spec.ports[0].name: Required value, spec.ports[1].name: Required value]`,
    ]);
  });

  it('rejects unknown session affinities and types', () => {
    expect(check(service('{ sessionAffinity: Sticky, ports: [{ port: 80 }] }'))).toEqual([
      `${S}spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"`,
    ]);
    expect(check(service('{ type: Internal, ports: [{ port: 80 }] }'))).toEqual([
      `${S}spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    ]);
  });

  it('bounds the ClientIP affinity timeout', () => {
    const cfg =
      '{ sessionAffinity: ClientIP, sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } }, ports: [{ port: 80 }] }';
    expect(check(service(cfg))).toEqual([
      `${S}spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400`,
    ]);
  });
});

describe('Updates', () => {
  const obj = (yaml: string) => applyDefaults(parse(yaml) as KubeObject);

  it('may not change an apps/v1 Deployment selector', () => {
    const before = obj(deployment());
    const after = obj(
      deployment('', {
        selector: '  selector: { matchLabels: { app: web, v: "2" } }',
        labels: '{ app: web, v: "2" }',
      }),
    );
    expect(validateUpdate(before, after)).toEqual([
      `${D}spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable`,
    ]);
  });

  it('may not change a ReplicaSet selector either', () => {
    const toRs = (y: string) => y.replace('kind: Deployment', 'kind: ReplicaSet');
    const before = obj(toRs(deployment()));
    const after = obj(
      toRs(
        deployment('', {
          selector: '  selector: { matchLabels: { app: api } }',
          labels: '{ app: api }',
        }),
      ),
    );
    expect(validateUpdate(before, after)).toEqual([
      'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable',
    ]);
  });

  it('treats an empty and an absent matchExpressions alike, and allows other changes', () => {
    const before = obj(deployment());
    const after = obj(
      deployment('  replicas: 5', {
        selector: '  selector: { matchLabels: { app: web }, matchExpressions: [] }',
      }),
    );
    expect(validateUpdate(before, after)).toEqual([]);
  });

  it('lets a Service or ReplicationController selector change', () => {
    const svc = (app: string) =>
      obj(
        `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: ${app} }, ports: [{ port: 80 }] }`,
      );
    expect(validateUpdate(svc('a'), svc('b'))).toEqual([]);
  });
});
