/**
 * The plugin's cobra command tree as far as its help and usage texts go: names, aliases,
 * Short/Long/Example texts (verbatim from argo-rollouts pkg/kubectl-argo-rollouts/cmd/**), the
 * pflag FlagUsages blocks (as docs/generated/kubectl-argo-rollouts/*.md render them from the
 * same flag sets), and cobra v1.10.2's default usage and help layout (command.go
 * defaultUsageFunc, defaultHelpFunc, UseLine, CommandPath, NamePadding).
 *
 * The binary's cobra root is `kubectl-argo-rollouts`, so usage lines name it so; the examples
 * say `kubectl argo rollouts` (options.go cliName).
 */
import type { FlagSpec } from '../parse/flags';

export interface CommandDef {
  name: string;
  use: string;
  short: string;
  long?: string;
  example?: string;
  aliases?: string[];
  /** Local flags (parsing), without -h/--help. */
  flags: FlagSpec[];
  /** pflag FlagUsages of the local flags, -h/--help included. */
  flagUsages: string;
  children?: CommandDef[];
  /** Whether cobra sees a Run/RunE (every command here has one; `help` too). */
  runnable: boolean;
  /** false for commands listed in the root's usage that the simulator does not run. */
  simulated?: false;
}

const CLI = 'kubectl argo rollouts';

/** options.Example: the example with the CLI name filled in, leading/trailing newlines trimmed. */
function example(raw: string): string {
  return raw.replaceAll('%[1]s', CLI).replace(/^\n+|\n+$/g, '');
}

const s = (name: string, short?: string): FlagSpec =>
  short ? { name, short, type: 'string' } : { name, type: 'string' };
const b = (name: string, short?: string): FlagSpec =>
  short ? { name, short, type: 'bool' } : { name, type: 'bool' };

/** The root's persistent flags: cli-runtime ConfigFlags, --kloglevel/-v and --loglevel. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  s('as'),
  { name: 'as-group', type: 'stringArray' },
  s('as-uid'),
  s('cache-dir'),
  s('certificate-authority'),
  s('client-certificate'),
  s('client-key'),
  s('cluster'),
  s('context'),
  b('disable-compression'),
  b('insecure-skip-tls-verify'),
  { name: 'kloglevel', short: 'v', type: 'int' },
  s('kubeconfig'),
  s('loglevel'),
  s('namespace', 'n'),
  s('request-timeout'),
  s('server', 's'),
  s('tls-server-name'),
  s('token'),
  s('user'),
];

/**
 * FlagUsages of the persistent flags. --cache-dir's default is the user's home in a real run;
 * the plugin's generated docs print it as $HOME, and so does the simulator.
 */
const GLOBAL_USAGES = `      --as string                      Username to impersonate for the operation. User could be a regular user or a service account in a namespace.
      --as-group stringArray           Group to impersonate for the operation, this flag can be repeated to specify multiple groups.
      --as-uid string                  UID to impersonate for the operation.
      --cache-dir string               Default cache directory (default "$HOME/.kube/cache")
      --certificate-authority string   Path to a cert file for the certificate authority
      --client-certificate string      Path to a client certificate file for TLS
      --client-key string              Path to a client key file for TLS
      --cluster string                 The name of the kubeconfig cluster to use
      --context string                 The name of the kubeconfig context to use
      --disable-compression            If true, opt-out of response compression for all requests to the server
%HELP%      --insecure-skip-tls-verify       If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure
  -v, --kloglevel int                  Log level for kubernetes client library
      --kubeconfig string              Path to the kubeconfig file to use for CLI requests.
      --loglevel string                Log level for kubectl argo rollouts (default "info")
  -n, --namespace string               If present, the namespace scope for this CLI request
      --request-timeout string         The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests. (default "0")
  -s, --server string                  The address and port of the Kubernetes API server
      --tls-server-name string         Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used
      --token string                   Bearer token for authentication to the API server
      --user string                    The name of the kubeconfig user to use
`;

const INHERITED_USAGES = GLOBAL_USAGES.replace('%HELP%', '');

const helpOnly = (name: string) => `  -h, --help   help for ${name}\n`;

/** A command cobra lists but the simulator does not run. */
function listed(name: string, short: string): CommandDef {
  return {
    name,
    use: name,
    short,
    flags: [],
    flagUsages: helpOnly(name),
    runnable: true,
    simulated: false,
  };
}

const GET_USAGE_COMMON = `It returns a bunch of metadata on a resource and a tree view of the child resources created by the parent.
\t
Tree view icons

| Icon | Kind |
|:----:|:-----------:|
| ⟳ | Rollout |
| Σ | Experiment |
| α | AnalysisRun |
| # | Revision |
| ⧉ | ReplicaSet |
| □ | Pod |
| ⊞ | Job |`;

const promote: CommandDef = {
  name: 'promote',
  use: 'promote ROLLOUT_NAME',
  short: 'Promote a rollout',
  long: `Promote a rollout

Promotes a rollout paused at a canary step, or a paused blue-green pre-promotion.
To skip analysis, pauses and steps entirely, use '--full' to fully promote the rollout`,
  example: example(`
\t# Promote a paused rollout
\t%[1]s promote guestbook

\t# Fully promote a rollout to desired version, skipping analysis, pauses, and steps
\t%[1]s promote guestbook --full`),
  flags: [
    {
      name: 'skip-current-step',
      short: 'c',
      type: 'bool',
      deprecated: 'use without the flag instead ex: promote ROLLOUT_NAME',
    },
    { name: 'skip-all-steps', short: 'a', type: 'bool', deprecated: 'use --full instead' },
    b('full'),
  ],
  flagUsages: `      --full   Perform a full promotion, skipping analysis, pauses, and steps
  -h, --help   help for promote
`,
  runnable: true,
};

const abort: CommandDef = {
  name: 'abort',
  use: 'abort ROLLOUT_NAME',
  short: 'Abort a rollout',
  long: `This command stops progressing the current rollout and reverts all steps. The previous ReplicaSet will be active.

Note the 'spec.template' still represents the new rollout version. If the Rollout leaves the aborted state, it will try to go to the new version. 
Updating the 'spec.template' back to the previous version will fully revert the rollout.`,
  example: example(`
  # Abort a rollout
  %[1]s abort guestbook`),
  flags: [],
  flagUsages: helpOnly('abort'),
  runnable: true,
};

const pause: CommandDef = {
  name: 'pause',
  use: 'pause ROLLOUT_NAME',
  short: 'Pause a rollout',
  long: "Set the rollout paused state to 'true'",
  example: example(`
  # Pause a rollout
  %[1]s pause guestbook`),
  flags: [],
  flagUsages: helpOnly('pause'),
  runnable: true,
};

const restart: CommandDef = {
  name: 'restart',
  use: 'restart ROLLOUT',
  short: 'Restart the pods of a rollout',
  example: example(`
\t# Restart the pods of a rollout in now
\t%[1]s restart ROLLOUT_NAME

\t# Restart the pods of a rollout in ten seconds
\t%[1]s restart ROLLOUT_NAME --in 10s`),
  flags: [s('in', 'i')],
  flagUsages: `  -h, --help        help for restart
  -i, --in string   Amount of time before a restart. (e.g. 30s, 5m, 1h)
`,
  runnable: true,
};

const retry: CommandDef = {
  name: 'retry',
  use: 'retry <rollout|experiment> RESOURCE_NAME',
  short: 'Retry a rollout or experiment',
  long: 'This command consists of multiple subcommands which can be used to restart an aborted rollout or a failed experiment.',
  example: example(`
\t# Retry an aborted rollout
\t%[1]s retry rollout guestbook

\t# Retry a failed experiment
\t%[1]s retry experiment my-experiment`),
  flags: [],
  flagUsages: helpOnly('retry'),
  runnable: true,
  children: [
    {
      name: 'rollout',
      use: 'rollout ROLLOUT_NAME',
      aliases: ['ro', 'rollouts'],
      short: 'Retry an aborted rollout',
      example: example(`
\t# Retry an aborted rollout
\t%[1]s retry rollout guestbook`),
      flags: [],
      flagUsages: helpOnly('rollout'),
      runnable: true,
    },
    {
      name: 'experiment',
      use: 'experiment EXPERIMENT_NAME',
      aliases: ['exp', 'experiments'],
      short: 'Retry an experiment',
      long: 'Retry a failed experiment.',
      example: example(`
\t# Retry an experiment
\t%[1]s retry experiment my-experiment`),
      flags: [],
      flagUsages: helpOnly('experiment'),
      runnable: true,
    },
  ],
};

const set: CommandDef = {
  name: 'set',
  use: 'set COMMAND',
  short: 'Update various values on resources',
  long: 'This command consists of multiple subcommands which can be used to update rollout resources.',
  example: example(`
  # Set rollout image
  %[1]s set image my-rollout demo=argoproj/rollouts-demo:yellow`),
  flags: [],
  flagUsages: helpOnly('set'),
  runnable: true,
  children: [
    {
      name: 'image',
      use: 'image ROLLOUT_NAME CONTAINER=IMAGE',
      short: 'Update the image of a rollout',
      example: example(`
  # Set rollout image (containers contains 'initContainer', 'container', 'ephemeralContainer')
  %[1]s set image my-rollout containerName=imageName
  
  # Set rollout image for all containers
  %[1]s set image my-rollout *=imageName`),
      flags: [],
      flagUsages: helpOnly('image'),
      runnable: true,
    },
  ],
};

const get: CommandDef = {
  name: 'get',
  use: 'get <rollout|experiment> RESOURCE_NAME',
  short: 'Get details about rollouts and experiments',
  long: 'This command consists of multiple subcommands which can be used to get extended information about a rollout or experiment.',
  example: example(`
\t# Get a rollout
\t%[1]s get rollout guestbook

\t# Watch a rollouts progress
\t%[1]s get rollout guestbook -w
  
\t# Get an experiment
\t%[1]s get experiment my-experiment`),
  flags: [],
  flagUsages: helpOnly('get'),
  runnable: true,
  children: [
    {
      name: 'rollout',
      use: 'rollout ROLLOUT_NAME',
      short: 'Get details about a rollout',
      long: `Get details about and visual representation of a rollout. ${GET_USAGE_COMMON}`,
      aliases: ['ro', 'rollouts'],
      example: example(`
\t# Get a rollout
\t%[1]s get rollout guestbook

\t# Watch progress of a rollout
  \t%[1]s get rollout guestbook -w

\t# Watch the rollout, fail if it takes more than 60 seconds
\t%[1]s get rollout guestbook -w --timeout-seconds 60`),
      flags: [b('watch', 'w'), b('no-color'), { name: 'timeout-seconds', type: 'int' }],
      flagUsages: `  -h, --help                  help for rollout
      --no-color              Do not colorize output
      --timeout-seconds int   Timeout after specified seconds
  -w, --watch                 Watch live updates to the rollout
`,
      runnable: true,
    },
    {
      name: 'experiment',
      use: 'experiment EXPERIMENT_NAME',
      aliases: ['exp', 'experiments'],
      short: 'Get details about an Experiment',
      long: `Get details about and visual representation of a experiment. ${GET_USAGE_COMMON}`,
      example: example(`
\t# Get an experiment
\t%[1]s get experiment my-experiment
\t
\t# Watch experiment progress
\t%[1]s get experiment my-experiment -w`),
      flags: [b('watch', 'w'), b('no-color')],
      flagUsages: `  -h, --help       help for experiment
      --no-color   Do not colorize output
  -w, --watch      Watch live updates to the rollout
`,
      runnable: true,
    },
  ],
};

const status: CommandDef = {
  name: 'status',
  use: 'status ROLLOUT_NAME',
  short: 'Show the status of a rollout',
  long: `Watch rollout until it finishes or the timeout is exceeded. Returns success if
the rollout is healthy upon completion and an error otherwise.`,
  example: example(`
\t# Watch the rollout until it succeeds
\t%[1]s status guestbook

\t# Show the rollout status
    %[1]s status guestbook --watch=false

\t# Watch the rollout until it succeeds, fail if it takes more than 60 seconds
\t%[1]s status --timeout 60s guestbook
\t`),
  flags: [b('watch', 'w'), { name: 'timeout', short: 't', type: 'duration' }],
  flagUsages: `  -h, --help               help for status
  -t, --timeout duration   The length of time to watch before giving up. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). Zero means wait forever
  -w, --watch              Watch the status of the rollout until it's done (default true)
`,
  runnable: true,
};

const list: CommandDef = {
  name: 'list',
  use: 'list <rollout|experiment>',
  short: 'List rollouts or experiments',
  long: `This command consists of multiple subcommands which can be used to lists all of the 
rollouts or experiments for a specified namespace (uses current namespace context if namespace not specified).`,
  example: example(`
\t# List rollouts
\t%[1]s list rollouts
\t
\t# List experiments
\t%[1]s list experiments`),
  flags: [],
  flagUsages: helpOnly('list'),
  runnable: true,
  children: [
    {
      name: 'experiments',
      use: 'experiments',
      short: 'List experiments',
      long: 'This command lists all of the experiments for a specified namespace (uses current namespace context if namespace not specified).',
      aliases: ['exp', 'experiment'],
      example: example(`
\t# List rollouts
\t%[1]s list experiments
  
\t# List rollouts from all namespaces
\t%[1]s list experiments --all-namespaces
  
\t# List rollouts and watch for changes
\t%[1]s list experiments --watch`),
      flags: [b('all-namespaces', 'A')],
      flagUsages: `  -A, --all-namespaces   Include all namespaces
  -h, --help             help for experiments
`,
      runnable: true,
    },
    {
      name: 'rollouts',
      use: 'rollouts',
      short: 'List rollouts',
      long: 'This command lists all of the rollouts for a specified namespace (uses current namespace context if namespace not specified).',
      aliases: ['ro', 'rollout'],
      example: example(`
\t# List rollouts
\t%[1]s list rollouts

\t# List rollouts with a specific name
\t%[1]s list rollouts --name my-rollout
  
\t# List rollouts from all namespaces
\t%[1]s list rollouts --all-namespaces
  
\t# List rollouts and watch for changes
\t%[1]s list rollouts --watch`),
      flags: [s('name'), b('all-namespaces', 'A'), b('watch', 'w'), b('timestamps')],
      flagUsages: `  -A, --all-namespaces   Include all namespaces
  -h, --help             help for rollouts
      --name string      Only show rollout with specified name
      --timestamps       Print timestamps on updates
  -w, --watch            Watch for changes
`,
      runnable: true,
    },
  ],
};

const terminate: CommandDef = {
  name: 'terminate',
  use: 'terminate <analysisrun|experiment> RESOURCE_NAME',
  short: 'Terminate an AnalysisRun or Experiment',
  long: 'This command consists of multiple subcommands which can be used to terminate an AnalysisRun or Experiment that is in progress.',
  example: example(`
\t# Terminate an AnalysisRun
\t%[1]s terminate analysisrun guestbook-877894d5b-4-success-rate.1

\t# Terminate a failed experiment
\t%[1]s terminate experiment my-experiment`),
  flags: [],
  flagUsages: helpOnly('terminate'),
  runnable: true,
  children: [
    {
      name: 'analysisrun',
      use: 'analysisrun ANALYSISRUN_NAME',
      aliases: ['ar', 'analysisruns'],
      short: 'Terminate an AnalysisRun',
      long: 'This command terminates an AnalysisRun.',
      example: example(`
\t# Terminate an AnalysisRun
\t%[1]s terminate analysisrun guestbook-877894d5b-4-success-rate.1`),
      flags: [],
      flagUsages: helpOnly('analysisrun'),
      runnable: true,
    },
    {
      name: 'experiment',
      use: 'experiment EXPERIMENT_NAME',
      aliases: ['exp', 'experiments'],
      short: 'Terminate an experiment',
      long: 'This command terminates an Experiment.',
      example: example(`
\t# Terminate an experiment
\t%[1]s terminate experiment my-experiment`),
      flags: [],
      flagUsages: helpOnly('experiment'),
      runnable: true,
    },
  ],
};

const version: CommandDef = {
  name: 'version',
  use: 'version',
  short: 'Print version',
  long: 'Show the version and build information of the Argo Rollouts plugin.',
  example: example(`
\t# Get full version info
\t%[1]s version
\t
\t# Get just plugin version number
\t%[1]s version --short`),
  flags: [b('short')],
  flagUsages: `  -h, --help    help for version
      --short   print just the version number
`,
  runnable: true,
};

/** cobra's default `help` command. */
const help: CommandDef = {
  name: 'help',
  use: 'help [command]',
  short: 'Help about any command',
  long: `Help provides help for any command in the application.
Simply type kubectl-argo-rollouts help [path to command] for full details.`,
  flags: [],
  flagUsages: helpOnly('help'),
  runnable: true,
};

/** cmd.go NewCmdArgoRollouts; cobra lists children sorted by name. */
export const ROOT: CommandDef = {
  name: 'kubectl-argo-rollouts',
  use: 'kubectl-argo-rollouts COMMAND',
  short: 'Manage argo rollouts',
  long: 'This command consists of multiple subcommands which can be used to manage Argo Rollouts.',
  example: example(`
  # Get guestbook rollout and watch progress
  %[1]s get rollout guestbook -w

  # Pause the guestbook rollout
  %[1]s pause guestbook

  # Promote the guestbook rollout
  %[1]s promote guestbook

  # Abort the guestbook rollout
  %[1]s abort guestbook

  # Retry the guestbook rollout
  %[1]s retry rollout guestbook`),
  flags: [],
  flagUsages: GLOBAL_USAGES.replace(
    '%HELP%',
    '  -h, --help                           help for kubectl-argo-rollouts\n',
  ),
  runnable: true,
  children: [
    abort,
    listed('completion', 'Generate completion script'),
    listed(
      'create',
      'Create a Rollout, Experiment, AnalysisTemplate, ClusterAnalysisTemplate, or AnalysisRun resource',
    ),
    listed('dashboard', 'Start UI dashboard'),
    get,
    help,
    listed('lint', 'Lint and validate a Rollout'),
    list,
    listed('notifications', 'Set of CLI commands that helps manage notifications settings'),
    pause,
    promote,
    restart,
    retry,
    set,
    status,
    terminate,
    listed('undo', 'Undo a rollout'),
    version,
  ],
};

/** A command and its ancestors, root first. */
export type CommandPath = readonly CommandDef[];

export function commandPath(path: CommandPath): string {
  return path.map((c) => c.name).join(' ');
}

/** cobra rpad / NamePadding: names padded to the longest sibling name, at least 11. */
function namePadding(parent: CommandDef): number {
  return Math.max(11, ...(parent.children ?? []).map((c) => c.name.length));
}

/** The commands cobra lists under "Available Commands" (help included, hidden ones not). */
function available(cmd: CommandDef): CommandDef[] {
  return [...(cmd.children ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Command.UsageString: defaultUsageFunc's text, ending in a newline. */
export function usage(path: CommandPath): string {
  const cmd = path[path.length - 1] ?? ROOT;
  const parentPath = commandPath(path.slice(0, -1));
  const isRoot = path.length <= 1;
  let out = 'Usage:';
  // UseLine: the parent's path, Use, and " [flags]" (every command has at least --help).
  if (cmd.runnable) out += `\n  ${isRoot ? cmd.use : `${parentPath} ${cmd.use}`} [flags]`;
  const subs = available(cmd);
  if (subs.length) out += `\n  ${commandPath(path)} [command]`;
  if (cmd.aliases?.length) out += `\n\nAliases:\n  ${[cmd.name, ...cmd.aliases].join(', ')}`;
  if (cmd.example) out += `\n\nExamples:\n${cmd.example}`;
  if (subs.length) {
    out += '\n\nAvailable Commands:';
    const width = namePadding(cmd);
    for (const sub of subs) out += `\n  ${sub.name.padEnd(width)} ${sub.short}`;
  }
  out += `\n\nFlags:\n${cmd.flagUsages.trimEnd()}`;
  if (!isRoot) out += `\n\nGlobal Flags:\n${INHERITED_USAGES.trimEnd()}`;
  if (subs.length)
    out += `\n\nUse "${commandPath(path)} [command] --help" for more information about a command.`;
  return `${out}\n`;
}

/** defaultHelpFunc: Long (or Short), a blank line, then the usage. */
export function helpText(path: CommandPath): string {
  const cmd = path[path.length - 1] ?? ROOT;
  const text = (cmd.long ?? cmd.short).trimEnd();
  return `${text ? `${text}\n\n` : ''}${usage(path)}`;
}

/** Command.findNext: a child by name or alias. */
export function findChild(cmd: CommandDef, word: string): CommandDef | undefined {
  return cmd.children?.find((c) => c.name === word || c.aliases?.includes(word));
}

/** The flags a command parses: its own, then the root's persistent ones. */
export function flagsOf(cmd: CommandDef): FlagSpec[] {
  return [...cmd.flags, ...GLOBAL_FLAGS];
}
