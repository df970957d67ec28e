import { describe, expect, it } from 'vitest';
import { formatTable, tabwrite, DESCRIBE_TABWRITER } from '../../../src/sim/kubectl/print/table';
import { humanDuration } from '../../../src/sim/kubectl/print/humanDuration';
import {
  printGet,
  printGetList,
  NO_RESOURCES,
  noResources,
} from '../../../src/sim/kubectl/print/get';
import { endpointsFromSlices } from '../../../src/sim/kubectl/print/endpoints';
import {
  eventsFromRecorded,
  describeDeployment,
  describePod,
  describeReplicaSet,
  describeService,
  printEvents,
} from '../../../src/sim/kubectl/print/describe';
import { rolloutHistory } from '../../../src/sim/kubectl/print/rolloutHistory';
import {
  deployment,
  event,
  newRS,
  oldRS,
  pendingPod,
  runningPod,
  service,
  slice,
} from './fixtures';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

describe('When text goes through the tabwriter', () => {
  it('pads each column block to its widest cell plus padding', () => {
    expect(tabwrite('a\tb\tc\naaa\tbbbb\tc\n', DESCRIBE_TABWRITER)).toBe(
      'a    b     c\naaa  bbbb  c\n',
    );
  });

  it('ends a column block at a line without that column', () => {
    expect(tabwrite('x\ty\nsingle\nxxxx\tz\n', DESCRIBE_TABWRITER)).toBe('x  y\nsingle\nxxxx  z\n');
  });

  it('pads a terminated cell even when nothing follows it, as Go does', () => {
    expect(tabwrite('IP:\t\nIPs:\t<none>\n', DESCRIBE_TABWRITER)).toBe('IP:   \nIPs:  <none>\n');
  });

  it('gives get tables 3 spaces of padding and a minimum width of 6', () => {
    expect(
      formatTable([
        ['A', 'B'],
        ['x', 'y'],
      ]),
    ).toBe('A     B\nx     y\n');
    expect(
      formatTable([
        ['NAME', 'AGE'],
        ['web', '5s'],
      ]),
    ).toBe('NAME   AGE\nweb    5s\n');
  });
});

describe('When kubectl prints an age (duration.HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [1_500, '1s'],
    [-1_500, '0s'],
    [-2_000, '<invalid>'],
    [119_000, '119s'],
    [120_000, '2m'],
    [125_000, '2m5s'],
    [599_000, '9m59s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [180 * 60_000, '3h'],
    [210 * 60_000, '3h30m'],
    [8 * 3_600_000, '8h'],
    [47 * 3_600_000, '47h'],
    [48 * 3_600_000, '2d'],
    [50 * 3_600_000, '2d2h'],
    [8 * 86_400_000, '8d'],
    [730 * 86_400_000, '2y'],
    [800 * 86_400_000, '2y70d'],
    [3_000 * 86_400_000, '8y'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('When kubectl get prints a table', () => {
  const now = 90_000;

  it('prints deployments as NAME READY UP-TO-DATE AVAILABLE AGE', () => {
    expect(printGet('Deployment', [deployment], now)).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    3/3     1            3           90s',
      ),
    );
  });

  it('prints replica sets, and with -o wide their containers, images and selector', () => {
    expect(printGet('ReplicaSet', [oldRS, newRS], now)).toBe(
      lines(
        'NAME             DESIRED   CURRENT   READY   AGE',
        'web-76cfb94bf4   3         3         3       90s',
        'web-6cf6bf9f57   1         1         0       60s',
      ),
    );
    expect(printGet('ReplicaSet', [oldRS, newRS], now, { wide: true })).toBe(
      lines(
        'NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES         SELECTOR',
        'web-76cfb94bf4   3         3         3       90s   web          nginx:1.10.1   app=web,pod-template-hash=76cfb94bf4',
        'web-6cf6bf9f57   1         1         0       60s   web          nginx:1.11.9   app=web,pod-template-hash=6cf6bf9f57',
      ),
    );
  });

  it('prints pods with restarts and, with -o wide, IP, node, nominated node and readiness gates', () => {
    expect(printGet('Pod', [runningPod, pendingPod], now)).toBe(
      lines(
        'NAME                   READY   STATUS    RESTARTS      AGE',
        'web-76cfb94bf4-x7k2p   1/1     Running   1 (51s ago)   90s',
        'web-6cf6bf9f57-qp9zt   0/1     Pending   0             60s',
      ),
    );
    expect(printGet('Pod', [runningPod, pendingPod], now, { wide: true })).toBe(
      lines(
        'NAME                   READY   STATUS    RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-76cfb94bf4-x7k2p   1/1     Running   1 (51s ago)   90s   10.244.1.5   node-1   <none>           <none>',
        'web-6cf6bf9f57-qp9zt   0/1     Pending   0             60s   <none>       <none>   <none>           <none>',
      ),
    );
  });

  it('prints services, endpoint slices and endpoints', () => {
    expect(printGet('Service', [service], now)).toBe(
      lines(
        'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'web    ClusterIP   10.96.0.10   <none>        80/TCP    90s',
      ),
    );
    expect(printGet('EndpointSlice', [slice], now)).toBe(
      lines(
        'NAME        ADDRESSTYPE   PORTS   ENDPOINTS                                      AGE',
        'web-8fz2k   IPv4          8080    10.244.1.5,10.244.2.7,10.244.3.9 + 1 more...   90s',
      ),
    );
    expect(printGet('Endpoints', endpointsFromSlices([slice]), now)).toBe(
      lines(
        'NAME   ENDPOINTS                                         AGE',
        'web    10.244.1.5:8080,10.244.3.9:8080,10.244.1.8:8080   90s',
      ),
    );
  });

  it('adds a LABELS column with --show-labels', () => {
    expect(printGet('Deployment', [deployment], now, { showLabels: true })).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   LABELS',
        'web    3/3     1            3           90s   app=web',
      ),
    );
  });

  it('prints kind/name lines for -o name', () => {
    expect(printGet('Deployment', [deployment], now, { name: true })).toBe('deployment.apps/web\n');
    expect(printGet('Pod', [runningPod], now, { name: true })).toBe('pod/web-76cfb94bf4-x7k2p\n');
  });

  it('prints one table per kind with kind-prefixed names and a blank line between (get deploy,rs,pods)', () => {
    const out = printGetList(
      [
        { kind: 'Deployment', objects: [deployment] },
        { kind: 'ReplicaSet', objects: [oldRS, newRS] },
        { kind: 'Pod', objects: [runningPod] },
      ],
      now,
    );
    expect(out).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   3/3     1            3           90s',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-76cfb94bf4   3         3         3       90s',
        'replicaset.apps/web-6cf6bf9f57   1         1         0       60s',
        '',
        'NAME                       READY   STATUS    RESTARTS      AGE',
        'pod/web-76cfb94bf4-x7k2p   1/1     Running   1 (51s ago)   90s',
      ),
    );
  });

  it('prints plain names when only one kind has objects, and says so when none has', () => {
    const out = printGetList(
      [
        { kind: 'Deployment', objects: [deployment] },
        { kind: 'ReplicaSet', objects: [] },
      ],
      now,
    );
    expect(out).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    3/3     1            3           90s',
      ),
    );
    expect(printGetList([{ kind: 'Pod', objects: [] }], now)).toBe(
      'No resources found in default namespace.\n',
    );
    expect(NO_RESOURCES).toBe('No resources found in default namespace.\n');
    expect(noResources({ allNamespaces: true })).toBe('No resources found\n');
  });

  it('adds a NAMESPACE column with -A', () => {
    expect(printGet('Deployment', [deployment], now, { allNamespaces: true })).toBe(
      lines(
        'NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'default     web    3/3     1            3           90s',
      ),
    );
  });
});

describe('When kubectl describes a deployment', () => {
  const now = 1_800_000;
  const events = [
    event('ScalingReplicaSet', 'Scaled up replica set web-76cfb94bf4 from 0 to 3', 0),
    event('ScalingReplicaSet', 'Scaled up replica set web-6cf6bf9f57 from 0 to 1', 30),
    event('ScalingReplicaSet', 'Scaled down replica set web-76cfb94bf4 from 3 to 2', 600, 1_770, 3),
  ];

  const head = [
    'Name:                   web',
    'Namespace:              default',
    'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
    'Labels:                 app=web',
    'Annotations:            deployment.kubernetes.io/revision: 2',
    'Selector:               app=web',
    'Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable',
    'StrategyType:           RollingUpdate',
    'MinReadySeconds:        0',
    'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
    'Pod Template:',
    '  Labels:  app=web',
    '  Containers:',
    '   web:',
    '    Image:         nginx:1.11.9',
    '    Port:          8080/TCP',
    '    Host Port:     0/TCP',
    '    Readiness:     http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
    '    Environment:   <none>',
    '    Mounts:        <none>',
    '  Volumes:         <none>',
    '  Node-Selectors:  <none>',
    '  Tolerations:     <none>',
    'Conditions:',
    '  Type           Status  Reason',
    '  ----           ------  ------',
    '  Available      True    MinimumReplicasAvailable',
    '  Progressing    True    ReplicaSetUpdated',
    'OldReplicaSets:  web-76cfb94bf4 (3/3 replicas created)',
    'NewReplicaSet:   web-6cf6bf9f57 (1/1 replicas created)',
  ];

  it('prints every section laid out like kubectl, events aggregated as (x3 over 20m)', () => {
    expect(describeDeployment(deployment, [newRS, oldRS], events, now)).toBe(
      lines(
        ...head,
        'Events:',
        '  Type    Reason             Age                From                   Message',
        '  ----    ------             ----               ----                   -------',
        '  Normal  ScalingReplicaSet  30m                deployment-controller  Scaled up replica set web-76cfb94bf4 from 0 to 3',
        '  Normal  ScalingReplicaSet  29m                deployment-controller  Scaled up replica set web-6cf6bf9f57 from 0 to 1',
        '  Normal  ScalingReplicaSet  30s (x3 over 20m)  deployment-controller  Scaled down replica set web-76cfb94bf4 from 3 to 2',
      ),
    );
  });

  it('aligns "Events: <none>" with the replica set lines above it', () => {
    expect(describeDeployment(deployment, [newRS, oldRS], [], now)).toBe(
      lines(...head, 'Events:          <none>'),
    );
  });

  it('folds repeated recorded events into one with a count', () => {
    const recorded = [0, 60_000, 1_200_000].map((t) => ({
      t,
      type: 'Warning' as const,
      reason: 'BackOff',
      kind: 'Pod' as const,
      name: 'web-1',
      message: 'Back-off restarting failed container web in pod web-1_default(uid)',
      source: 'kubelet',
    }));
    expect(printEvents(eventsFromRecorded(recorded), now)).toBe(
      lines(
        'Events:',
        '  Type     Reason   Age                From     Message',
        '  ----     ------   ----               ----     -------',
        '  Warning  BackOff  10m (x3 over 30m)  kubelet  Back-off restarting failed container web in pod web-1_default(uid)',
      ),
    );
  });

  it('prints the Events section on its own', () => {
    expect(printEvents([], now)).toBe('Events:  <none>\n');
    expect(printEvents([events[1] ?? event('x', 'y', 0)], now)).toBe(
      lines(
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  29m   deployment-controller  Scaled up replica set web-6cf6bf9f57 from 0 to 1',
      ),
    );
  });
});

describe('When kubectl describes a replica set, a pod or a service', () => {
  const now = 90_000;

  it('prints the replica set with its owner and pod counts', () => {
    expect(describeReplicaSet(oldRS, [runningPod], [], now)).toBe(
      lines(
        'Name:           web-76cfb94bf4',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=76cfb94bf4',
        'Labels:         app=web',
        '                pod-template-hash=76cfb94bf4',
        'Annotations:    deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/web',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=76cfb94bf4',
        '  Containers:',
        '   web:',
        '    Image:         nginx:1.10.1',
        '    Port:          8080/TCP',
        '    Host Port:     0/TCP',
        '    Readiness:     http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });

  it('prints a running pod with container state, last state and conditions', () => {
    expect(describePod(runningPod, [], now)).toBe(
      lines(
        'Name:         web-76cfb94bf4-x7k2p',
        'Namespace:    default',
        'Node:         node-1/10.0.0.11',
        'Start Time:   Thu, 01 Jan 2026 00:00:00 +0000',
        'Labels:       app=web',
        '              pod-template-hash=76cfb94bf4',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-76cfb94bf4',
        'Containers:',
        '  web:',
        '    Container ID:   ',
        '    Image:          nginx:1.10.1',
        '    Image ID:       ',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 00:00:40 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Thu, 01 Jan 2026 00:00:03 +0000',
        '      Finished:     Thu, 01 Jan 2026 00:00:39 +0000',
        '    Ready:          True',
        '    Restart Count:  1',
        '    Readiness:      http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Initialized    True ',
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ),
    );
  });

  it('prints a pending pod with an empty IP, as kubectl does', () => {
    expect(describePod(pendingPod, [], now)).toBe(
      lines(
        'Name:           web-6cf6bf9f57-qp9zt',
        'Namespace:      default',
        'Node:           <none>',
        'Labels:         app=web',
        '                pod-template-hash=6cf6bf9f57',
        'Annotations:    <none>',
        'Status:         Pending',
        'IP:             ',
        'IPs:            <none>',
        'Controlled By:  ReplicaSet/web-6cf6bf9f57',
        'Containers:',
        '  web:',
        '    Image:        nginx:1.11.9',
        '    Port:         8080/TCP',
        '    Host Port:    0/TCP',
        '    Readiness:    http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ),
    );
  });

  it('prints a service with its ready endpoints', () => {
    expect(describeService(service, [slice], [], now)).toBe(
      lines(
        'Name:              web',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          app=web',
        'Type:              ClusterIP',
        'IP Families:       <none>',
        'IP:                10.96.0.10',
        'IPs:               10.96.0.10',
        'Port:              <unset>  80/TCP',
        'TargetPort:        8080/TCP',
        'Endpoints:         10.244.1.5:8080,10.244.3.9:8080,10.244.1.8:8080',
        'Session Affinity:  None',
        'Events:            <none>',
      ),
    );
  });
});

describe('When kubectl prints rollout history (§7.2)', () => {
  it('lists revisions in order with their change-cause, after the name and a trailing space', () => {
    expect(rolloutHistory('web', [newRS, oldRS])).toEqual({
      exitCode: 0,
      output: lines(
        'deployment.apps/web ',
        'REVISION  CHANGE-CAUSE',
        '1         <none>',
        '2         kubectl set image deployment/web web=nginx:1.11.9 --record=true',
        '',
      ),
    });
  });

  it('prints the pod template of one revision with raw tabs, as printTemplate does', () => {
    expect(rolloutHistory('web', [newRS, oldRS], 2)).toEqual({
      exitCode: 0,
      output: lines(
        'deployment.apps/web with revision #2',
        'Pod Template:',
        '  Labels:\tapp=web',
        '\tpod-template-hash=6cf6bf9f57',
        '  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web web=nginx:1.11.9 --record=true',
        '  Containers:',
        '   web:',
        '    Image:\tnginx:1.11.9',
        '    Port:\t8080/TCP',
        '    Host Port:\t0/TCP',
        '    Readiness:\thttp-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ),
    });
  });

  it('fails for a revision that does not exist, and says when there is no history', () => {
    expect(rolloutHistory('web', [newRS, oldRS], 7)).toEqual({
      exitCode: 1,
      output: 'error: unable to find the specified revision\n',
    });
    expect(rolloutHistory('web', [])).toEqual({
      exitCode: 0,
      output: 'deployment.apps/web \nNo rollout history found.\n',
    });
  });
});
