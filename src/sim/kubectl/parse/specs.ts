/**
 * The flags each kubectl command accepts (kubectl v1.36 pkg/cmd/…, cli-runtime
 * genericclioptions): every real flag is listed so that a real flag is never reported as
 * unknown, even where the simulator ignores it.
 */
import type { FlagSpec } from './flags';

const s = (name: string, short?: string): FlagSpec =>
  short ? { name, short, type: 'string' } : { name, type: 'string' };
const b = (name: string, short?: string): FlagSpec =>
  short ? { name, short, type: 'bool' } : { name, type: 'bool' };
const i = (name: string): FlagSpec => ({ name, type: 'int' });
const d = (name: string): FlagSpec => ({ name, type: 'duration' });

/** Persistent flags of the kubectl root command (ConfigFlags, klog, kubectl). */
export const GLOBAL: FlagSpec[] = [
  s('kubeconfig'),
  s('cache-dir'),
  s('certificate-authority'),
  s('client-certificate'),
  s('client-key'),
  s('cluster'),
  s('context'),
  s('user'),
  s('namespace', 'n'),
  s('server', 's'),
  s('tls-server-name'),
  s('token'),
  s('as'),
  { name: 'as-group', type: 'stringArray' },
  s('as-uid'),
  s('username'),
  s('password'),
  s('request-timeout'),
  b('insecure-skip-tls-verify'),
  b('disable-compression'),
  b('match-server-version'),
  s('profile'),
  s('profile-output'),
  b('warnings-as-errors'),
  { name: 'v', short: 'v', type: 'int' },
  s('vmodule'),
  d('log-flush-frequency'),
  s('kuberc'),
];

const PRINT: FlagSpec[] = [
  s('output', 'o'),
  s('template'),
  b('allow-missing-template-keys'),
  b('show-managed-fields'),
];
const RECORD: FlagSpec[] = [
  { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' },
];
const FILENAME: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  s('kustomize', 'k'),
  b('recursive', 'R'),
];
const DRY_RUN: FlagSpec[] = [{ name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' }];
const SELECTOR: FlagSpec[] = [s('selector', 'l')];
const FIELD_MANAGER: FlagSpec[] = [s('field-manager')];

/** Local flags per command path. */
export const COMMAND_FLAGS: Record<string, FlagSpec[]> = {
  apply: [
    ...FILENAME,
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    b('force'),
    i('grace-period'),
    d('timeout'),
    b('wait'),
    ...RECORD,
    ...PRINT,
    { name: 'validate', type: 'string', noOptDefVal: 'strict' },
    ...DRY_RUN,
    b('server-side'),
    b('force-conflicts'),
    ...FIELD_MANAGER,
    ...SELECTOR,
    b('prune'),
    { name: 'prune-allowlist', type: 'stringArray' },
    b('all'),
    s('applyset'),
    b('overwrite'),
    b('openapi-patch'),
    s('subresource'),
  ],
  'set image': [
    ...PRINT,
    ...RECORD,
    ...FILENAME,
    b('all'),
    b('local'),
    ...DRY_RUN,
    ...FIELD_MANAGER,
    ...SELECTOR,
  ],
  'set selector': [
    ...FILENAME,
    b('all'),
    b('local'),
    ...PRINT,
    ...RECORD,
    ...FIELD_MANAGER,
    s('resource-version'),
    ...DRY_RUN,
  ],
  scale: [
    ...RECORD,
    ...PRINT,
    b('all'),
    s('resource-version'),
    i('current-replicas'),
    i('replicas'),
    d('timeout'),
    ...FILENAME,
    ...DRY_RUN,
    ...SELECTOR,
  ],
  label: [
    ...RECORD,
    ...PRINT,
    b('overwrite'),
    b('list'),
    b('local'),
    s('field-selector'),
    b('all'),
    b('all-namespaces', 'A'),
    s('resource-version'),
    ...FILENAME,
    ...DRY_RUN,
    ...FIELD_MANAGER,
    ...SELECTOR,
  ],
  annotate: [
    ...PRINT,
    ...RECORD,
    ...DRY_RUN,
    ...FILENAME,
    ...FIELD_MANAGER,
    ...SELECTOR,
    b('overwrite'),
    b('list'),
    b('local'),
    s('field-selector'),
    b('all'),
    b('all-namespaces', 'A'),
    s('resource-version'),
  ],
  delete: [
    ...FILENAME,
    ...SELECTOR,
    s('field-selector'),
    b('all'),
    b('all-namespaces', 'A'),
    b('force'),
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    b('now'),
    i('grace-period'),
    d('timeout'),
    b('ignore-not-found'),
    b('wait'),
    s('output', 'o'),
    s('raw'),
    b('interactive', 'i'),
    ...DRY_RUN,
  ],
  'rollout status': [...FILENAME, b('watch', 'w'), i('revision'), d('timeout'), ...SELECTOR],
  'rollout history': [i('revision'), ...SELECTOR, ...FILENAME, ...PRINT],
  'rollout undo': [i('to-revision'), ...FILENAME, ...DRY_RUN, ...SELECTOR, ...PRINT],
  'rollout pause': [...PRINT, ...FILENAME, ...FIELD_MANAGER, ...SELECTOR],
  'rollout resume': [...FILENAME, ...FIELD_MANAGER, ...SELECTOR, ...PRINT],
  'rollout restart': [...FILENAME, ...FIELD_MANAGER, ...SELECTOR, ...PRINT],
  patch: [
    ...RECORD,
    ...PRINT,
    s('patch', 'p'),
    s('patch-file'),
    s('type'),
    ...DRY_RUN,
    ...FILENAME,
    b('local'),
    ...FIELD_MANAGER,
    s('subresource'),
  ],
  get: [
    ...PRINT,
    s('raw'),
    b('watch', 'w'),
    b('watch-only'),
    b('output-watch-events'),
    b('ignore-not-found'),
    s('field-selector'),
    b('all-namespaces', 'A'),
    ...FILENAME,
    { name: 'chunk-size', type: 'int' },
    ...SELECTOR,
    s('subresource'),
    b('show-labels'),
    s('sort-by'),
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    b('show-kind'),
    b('no-headers'),
    b('server-print'),
  ],
  edit: [
    ...FILENAME,
    ...PRINT,
    b('output-patch'),
    b('windows-line-endings'),
    b('save-config'),
    { name: 'validate', type: 'string', noOptDefVal: 'strict' },
    ...FIELD_MANAGER,
    s('subresource'),
  ],
  describe: [
    ...FILENAME,
    ...SELECTOR,
    b('all-namespaces', 'A'),
    b('show-events'),
    { name: 'chunk-size', type: 'int' },
  ],
  // kubectl 1.17 pkg/cmd/rollingupdate (removed in 1.18): PrintFlags, its own flags, a bool
  // --dry-run (cmdutil.AddDryRunFlag before 1.18) and a bool --validate (AddValidateFlags).
  'rolling-update': [
    s('output', 'o'),
    s('template'),
    b('allow-missing-template-keys'),
    d('update-period'),
    d('poll-interval'),
    d('timeout'),
    { name: 'filename', short: 'f', type: 'stringSlice' },
    s('image'),
    s('deployment-label-key'),
    s('container'),
    s('image-pull-policy'),
    b('rollback'),
    b('dry-run'),
    b('validate'),
  ],
  rollout: [],
  set: [],
};

/** The kubectl subcommands of the commands that have them. */
export const SUBCOMMANDS: Record<string, readonly string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
};

/**
 * Output formats kubectl 1.32 accepts (cli-runtime PrintFlags.AllowedFormats), sorted as it
 * prints them. `kyaml` came later (cli-runtime 1.34), so 1.32 does not list it.
 */
export const GENERIC_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
];
export const GET_FORMATS = [
  ...GENERIC_FORMATS,
  'custom-columns',
  'custom-columns-file',
  'wide',
].sort();
