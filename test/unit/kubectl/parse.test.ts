import { describe, expect, it } from 'vitest';
import { parseKubectl, type KubectlCommand } from '../../../src/sim/kubectl/parse/parseKubectl';

/** The command of a line kubectl accepts. */
function cmd(line: string): KubectlCommand {
  const r = parseKubectl(line);
  if (!r.ok) throw new Error(`expected ${line} to parse, got:\n${r.output}`);
  return r.cmd;
}

/** kubectl's output for a line it refuses. */
function error(line: string): string {
  const r = parseKubectl(line);
  if (r.ok) throw new Error(`expected ${line} to fail, got ${JSON.stringify(r.cmd)}`);
  expect(r.exitCode).toBe(1);
  return r.output;
}

describe('When a line names a command', () => {
  it('accepts an optional leading kubectl and global flags before the command', () => {
    expect(cmd('kubectl get pods').verb).toBe('get');
    expect(cmd('get pods').verb).toBe('get');
    expect(cmd('kubectl -n default get pods')).toMatchObject({ verb: 'get', namespace: 'default' });
    expect(cmd('get pods --namespace=staging')).toMatchObject({ namespace: 'staging' });
  });

  it('suggests the command a typo was meant to be, as cobra does', () => {
    expect(error('kubectl sacle deployment/web --replicas=3')).toBe(
      'error: unknown command "sacle" for "kubectl"\n\nDid you mean this?\n\tscale\n',
    );
    expect(error('rolout status deployment/web')).toBe(
      'error: unknown command "rolout" for "kubectl"\n\nDid you mean this?\n\trollout\n',
    );
    // get through its SuggestFor list, logs and cp by distance, in command order.
    expect(error('ls pods')).toBe(
      'error: unknown command "ls" for "kubectl"\n\nDid you mean this?\n\tget\n\tlogs\n\tcp\n',
    );
    expect(error('frobnicate')).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it('rejects unknown subcommands of rollout and set', () => {
    expect(error('rollout statuss deployment/web')).toBe(
      'error: unknown command "statuss deployment/web"\nSee \'kubectl rollout -h\' for help and examples\n',
    );
    expect(error('set imag deployment/web web=nginx')).toBe(
      'error: unknown command "imag deployment/web web=nginx"\nSee \'kubectl set -h\' for help and examples\n',
    );
  });

  it('turns --help, a bare kubectl and a bare rollout into help requests', () => {
    expect(cmd('')).toEqual({ verb: 'help', namespace: 'default', command: '', exitCode: 0 });
    expect(cmd('scale --help')).toMatchObject({ verb: 'help', command: 'scale', exitCode: 0 });
    expect(cmd('rollout')).toMatchObject({ verb: 'help', command: 'rollout', exitCode: 1 });
  });

  it('refuses real kubectl commands the simulator does not run', () => {
    expect(error('logs web-1')).toBe('error: "kubectl logs" is not supported by this simulator\n');
    expect(error('set env deployment/web A=1')).toBe(
      'error: "kubectl set env" is not supported by this simulator\n',
    );
  });

  it('passes kubectl argo rollouts through', () => {
    expect(cmd('kubectl argo rollouts get rollout web')).toEqual({
      verb: 'argo rollouts',
      namespace: 'default',
      args: ['get', 'rollout', 'web'],
    });
  });

  it('splits words like a shell, honouring quotes', () => {
    expect(cmd(`annotate deploy web kubernetes.io/change-cause="image 1.11 'fix'"`)).toMatchObject({
      set: [{ key: 'kubernetes.io/change-cause', value: "image 1.11 'fix'" }],
    });
    const r = parseKubectl("get pods -o 'wide");
    expect(r).toEqual({
      ok: false,
      exitCode: 2,
      output: "bash: unexpected EOF while looking for matching `''\n",
    });
  });
});

describe('When flags are malformed', () => {
  it('reports unknown flags with the command path, as kubectl’s flag error handler does', () => {
    expect(error('scale deployment/web --replica=3')).toBe(
      "error: unknown flag: --replica\nSee 'kubectl scale --help' for usage.\n",
    );
    expect(error('get pods -x')).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    );
    expect(error('rollout status deployment/web --foo')).toBe(
      "error: unknown flag: --foo\nSee 'kubectl rollout status --help' for usage.\n",
    );
  });

  it('reports missing and invalid values in pflag’s words', () => {
    expect(error('scale deployment/web --replicas')).toBe(
      "error: flag needs an argument: --replicas\nSee 'kubectl scale --help' for usage.\n",
    );
    expect(error('get pods -o')).toBe(
      "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n",
    );
    expect(error('scale deployment/web --replicas=abc')).toBe(
      'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' +
        "See 'kubectl scale --help' for usage.\n",
    );
    expect(error('rollout status deployment/web --watch=maybe')).toBe(
      'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n' +
        "See 'kubectl rollout status --help' for usage.\n",
    );
    expect(error('rollout status deployment/web --timeout=5')).toBe(
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n' +
        "See 'kubectl rollout status --help' for usage.\n",
    );
  });

  it('warns about the deprecated --record flag on stderr', () => {
    const r = parseKubectl('set image deployment/web web=nginx:1.11.9 --record');
    expect(r.ok && r.warnings).toEqual([
      'Flag --record has been deprecated, --record will be removed in the future\n',
    ]);
  });
});

describe('When resource arguments are read', () => {
  it.each([
    ['pods', 'Pod'],
    ['pod', 'Pod'],
    ['po', 'Pod'],
    ['deployment', 'Deployment'],
    ['deployments', 'Deployment'],
    ['deploy', 'Deployment'],
    ['deployments.apps', 'Deployment'],
    ['Deployment', 'Deployment'],
    ['rs', 'ReplicaSet'],
    ['replicaset', 'ReplicaSet'],
    ['replicasets', 'ReplicaSet'],
    ['svc', 'Service'],
    ['service', 'Service'],
    ['services', 'Service'],
    ['ep', 'Endpoints'],
    ['endpoints', 'Endpoints'],
    ['endpointslices', 'EndpointSlice'],
    ['rc', 'ReplicationController'],
  ])('resolves %s to %s', (alias, kind) => {
    expect(cmd(`get ${alias}`)).toMatchObject({ targets: [{ kind }] });
  });

  it('reads TYPE NAME, TYPE/NAME, several names and comma lists', () => {
    expect(cmd('describe deployment web')).toMatchObject({
      targets: [{ kind: 'Deployment', name: 'web' }],
    });
    expect(cmd('describe deploy/web')).toMatchObject({
      targets: [{ kind: 'Deployment', name: 'web' }],
    });
    expect(cmd('delete pod a b')).toMatchObject({
      targets: [
        { kind: 'Pod', name: 'a' },
        { kind: 'Pod', name: 'b' },
      ],
    });
    expect(cmd('get deploy,rs,pods')).toMatchObject({
      targets: [{ kind: 'Deployment' }, { kind: 'ReplicaSet' }, { kind: 'Pod' }],
    });
    expect(cmd('get deploy,rs web')).toMatchObject({
      targets: [
        { kind: 'Deployment', name: 'web' },
        { kind: 'ReplicaSet', name: 'web' },
      ],
    });
  });

  it('expands get all in kubectl’s order', () => {
    expect(cmd('get all')).toMatchObject({
      targets: [
        { kind: 'Pod' },
        { kind: 'ReplicationController' },
        { kind: 'Service' },
        { kind: 'Deployment' },
        { kind: 'ReplicaSet' },
        { kind: 'HorizontalPodAutoscaler' },
      ],
    });
  });

  it('reports the resource builder’s errors word for word', () => {
    expect(error('get deploymnt')).toBe(
      'error: the server doesn\'t have a resource type "deploymnt"\n',
    );
    expect(error('delete pods')).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(error('scale --replicas=3')).toBe(
      'error: You must provide one or more resources by argument or filename.\n' +
        'Example resource specifications include:\n' +
        "   '-f rsrc.yaml'\n" +
        "   '--filename=rsrc.json'\n" +
        "   '<resource> <name>'\n" +
        "   '<resource>'\n",
    );
    expect(error('get pod/a rs')).toBe(
      'error: there is no need to specify a resource type as a separate argument when passing arguments in ' +
        "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect(error('get pod/a/b')).toBe(
      'error: arguments in resource/name form may not have more than one slash\n',
    );
    expect(error('get pods web -l app=web')).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
    expect(error('get all web')).toBe('error: you must specify only one resource\n');
  });

  it('parses -l selectors into a LabelSelector', () => {
    expect(cmd("get pods -l 'app=web,tier!=db,env in (a,b),!canary'")).toMatchObject({
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'env', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
    });
  });
});

describe('When kubectl get and describe are parsed', () => {
  it('reads output, labels and kind flags', () => {
    expect(cmd('get pods -o wide --show-labels')).toMatchObject({
      output: 'wide',
      showLabels: true,
    });
    expect(cmd('get deploy web -o yaml')).toMatchObject({ output: 'yaml' });
    expect(cmd('get pods -oname')).toMatchObject({ output: 'name' });
    expect(cmd('get pods -w')).toMatchObject({ watch: true });
  });

  it('prints kubectl’s messages for a missing type', () => {
    expect(error('get')).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
    expect(error('describe')).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  });

  it('rejects unknown output formats, and --show-labels with a non-table printer', () => {
    expect(error('get pods -o foo')).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: ' +
        'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,' +
        'jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(error('get pods -o name --show-labels')).toBe(
      'error: --show-labels option cannot be used with name printer\n',
    );
  });

  it('reads describe targets and --show-events', () => {
    expect(cmd('describe svc web')).toEqual({
      verb: 'describe',
      namespace: 'default',
      targets: [{ kind: 'Service', name: 'web' }],
      allNamespaces: false,
    });
    expect(cmd('describe pods --show-events=false')).toMatchObject({
      targets: [{ kind: 'Pod' }],
      showEvents: false,
    });
  });
});

describe('When a mutating command is parsed', () => {
  it('reads apply -f with manifest names', () => {
    expect(cmd('apply -f web.yaml')).toEqual({
      verb: 'apply',
      namespace: 'default',
      filenames: ['web.yaml'],
      dryRun: 'none',
    });
    expect(error('apply')).toBe('error: must specify one of -f and -k\n');
    expect(error('apply web')).toBe(
      "error: Unexpected args: [web]\nSee 'kubectl apply -h' for help and examples\n",
    );
  });

  it('reads set image with several containers', () => {
    expect(cmd('set image deployment/web web=nginx:1.11.9 sidecar=envoy:1 --record')).toEqual({
      verb: 'set image',
      namespace: 'default',
      targets: [{ kind: 'Deployment', name: 'web' }],
      images: [
        { container: 'web', image: 'nginx:1.11.9' },
        { container: 'sidecar', image: 'envoy:1' },
      ],
      record: true,
      dryRun: 'none',
    });
    expect(error('set image deployment/web')).toBe(
      'error: at least one image update is required\n',
    );
    expect(error('set image web=nginx deployment/web')).toBe(
      'error: all resources must be specified before image changes: deployment/web\n',
    );
  });

  it('reads set selector with the selector as the last argument', () => {
    expect(cmd('set selector svc/web app=web,version=v2')).toMatchObject({
      verb: 'set selector',
      targets: [{ kind: 'Service', name: 'web' }],
      newSelector: { matchLabels: { app: 'web', version: 'v2' } },
    });
    expect(cmd('set selector svc web "env in (a)"')).toMatchObject({
      matchExpressionsError: 'match expression [{env In [a]}] not supported on this object',
    });
    expect(error('set selector')).toBe('error: one selector is required\n');
  });

  it('reads scale in both forms, and its required flag', () => {
    const scale = {
      verb: 'scale',
      namespace: 'default',
      targets: [{ kind: 'Deployment', name: 'web' }],
      replicas: 3,
      currentReplicas: -1,
      record: false,
      dryRun: 'none',
    };
    expect(cmd('scale deployment/web --replicas=3')).toEqual(scale);
    expect(cmd('scale deployment web --replicas 3')).toEqual(scale);
    expect(error('scale deployment/web')).toBe('error: required flag(s) "replicas" not set\n');
    expect(error('scale deployment/web --replicas=-1')).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
  });

  it('reads label and annotate changes', () => {
    expect(cmd('label pods web-1 version=v2 tier- --overwrite')).toMatchObject({
      verb: 'label',
      targets: [{ kind: 'Pod', name: 'web-1' }],
      set: [{ key: 'version', value: 'v2' }],
      remove: ['tier'],
      overwrite: true,
    });
    expect(cmd('annotate deployment web kubernetes.io/change-cause=bump')).toMatchObject({
      verb: 'annotate',
      set: [{ key: 'kubernetes.io/change-cause', value: 'bump' }],
    });
    expect(error('label pods web-1')).toBe('error: at least one label update is required\n');
    expect(error('label version=v2')).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
    expect(error('label pods web-1 a=b=c')).toBe('error: invalid label spec: a=b=c\n');
    expect(error('label pods web-1 a=b a-')).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(error('label pods web-1 a=-b')).toMatch(
      /^error: invalid label value: "a=-b": a valid label must be/,
    );
    expect(error('annotate deploy web a=b a-')).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
  });

  it('reads delete with kubectl’s grace-period rules', () => {
    expect(cmd('delete pod web-1')).toEqual({
      verb: 'delete',
      namespace: 'default',
      targets: [{ kind: 'Pod', name: 'web-1' }],
      force: false,
      ignoreNotFound: false,
      wait: true,
      dryRun: 'none',
    });
    expect(cmd('delete po web-1 --now')).toMatchObject({ gracePeriodSeconds: 1 });
    expect(cmd('delete po web-1 --grace-period=0')).toMatchObject({ gracePeriodSeconds: 1 });
    expect(cmd('delete rs web-1 --grace-period=5')).toMatchObject({
      targets: [{ kind: 'ReplicaSet' }],
      gracePeriodSeconds: 5,
    });
    const forced = parseKubectl('delete pod web-1 --grace-period=0 --force');
    expect(forced).toMatchObject({ ok: true, cmd: { gracePeriodSeconds: 0, force: true } });
    expect(forced.ok && forced.warnings).toEqual([
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. ' +
        'The resource may continue to run on the cluster indefinitely.\n',
    ]);
    expect(cmd('delete pods -l app=web')).toMatchObject({
      targets: [{ kind: 'Pod' }],
      ignoreNotFound: true,
    });
    expect(cmd('delete deploy --all')).toMatchObject({
      targets: [{ kind: 'Deployment' }],
      all: true,
    });
    expect(error('delete pod web-1 --now --grace-period=3')).toBe(
      'error: --now and --grace-period cannot be specified together\n',
    );
    expect(error('delete pod web-1 --force --grace-period=3')).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
    expect(error('delete pod web-1 -o yaml')).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    );
  });

  it('reads patch with JSON or YAML and the patch type', () => {
    expect(cmd(`patch deployment web -p '{"spec":{"replicas":5}}'`)).toMatchObject({
      verb: 'patch',
      targets: [{ kind: 'Deployment', name: 'web' }],
      patchType: 'strategic',
      patch: { spec: { replicas: 5 } },
    });
    expect(cmd(`patch deploy web --type merge -p 'spec: {paused: true}'`)).toMatchObject({
      patchType: 'merge',
      patch: { spec: { paused: true } },
    });
    expect(
      cmd(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`),
    ).toMatchObject({
      patchType: 'json',
      patch: [{ op: 'replace', path: '/spec/replicas', value: 2 }],
    });
    expect(error('patch deploy web')).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(error('patch deploy web -p {} --type foo')).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    );
  });
});

describe('When a rollout command is parsed', () => {
  it.each([
    ['status', 'rollout status'],
    ['history', 'rollout history'],
    ['undo', 'rollout undo'],
    ['pause', 'rollout pause'],
    ['resume', 'rollout resume'],
    ['restart', 'rollout restart'],
  ])('reads rollout %s TYPE/NAME and TYPE NAME', (sub, verb) => {
    expect(cmd(`rollout ${sub} deployment/web`)).toMatchObject({
      verb,
      targets: [{ kind: 'Deployment', name: 'web' }],
    });
    expect(cmd(`rollout ${sub} deploy web`)).toMatchObject({
      verb,
      targets: [{ kind: 'Deployment', name: 'web' }],
    });
    expect(error(`rollout ${sub}`)).toBe('error: required resource not specified\n');
  });

  it('reads the rollout flags', () => {
    expect(cmd('rollout undo deployment/web --to-revision=1')).toMatchObject({ toRevision: 1 });
    expect(cmd('rollout history deployment/web --revision=2')).toMatchObject({ revision: 2 });
    expect(cmd('rollout status deployment/web --watch=false --timeout=1m30s')).toMatchObject({
      watch: false,
      timeoutMs: 90_000,
      revision: 0,
    });
    expect(cmd('rollout status deployment/web')).toMatchObject({ watch: true });
    expect(error('rollout history deployment/web --revision=-1')).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });
});
