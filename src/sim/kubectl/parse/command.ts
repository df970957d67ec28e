/**
 * What `parseKubectl` hands the executor: one variant per kubectl command the simulator runs,
 * with resource names already resolved to kinds and flags already typed and validated the way
 * kubectl validates them before it talks to the API server.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ResourceKind } from '../../api/kinds';
import type { CustomColumn } from '../print/customColumns';

/** Kinds a resource argument can name (aliases such as `deploy`, `po`, `rs` resolve to these). */
export type { ResourceKind };

/**
 * One resource argument. `name` absent means "every object of this kind" (kubectl's
 * `TYPE` alone, narrowed by `selector` or `--all`).
 */
export interface ResourceTarget {
  kind: ResourceKind;
  name?: string;
}

/** Output formats the simulator prints (`-o`); others are refused at parse time. */
export type OutputFormat = 'wide' | 'yaml' | 'json' | 'name';

export type DryRun = 'none' | 'client' | 'server';

/** Flags every command shares. */
export interface CommonOptions {
  /** `-n/--namespace`; `default` unless given. */
  namespace: string;
}

/** Targets as kubectl's resource builder takes them: `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l sel`. */
export interface Targeting {
  targets: ResourceTarget[];
  /** `-l/--selector`, parsed like metav1.ParseToLabelSelector. */
  selector?: LabelSelector;
  /** `--all`. */
  all?: boolean;
  /** `-f NAME…`: the objects are those of these manifests (then `targets` is empty). */
  filenames?: string[];
}

export type KubectlCommand = CommonOptions &
  (
    | { verb: 'apply'; filenames: string[]; output?: OutputFormat; dryRun: DryRun }
    | (Targeting & {
        verb: 'set image';
        /** container name (or `*`) → image, in the order given. */
        images: { container: string; image: string }[];
        record: boolean;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'set selector';
        /** The new selector; only matchLabels can be applied (Services). */
        newSelector: LabelSelector;
        /** kubectl's run-time error when the expression needs matchExpressions. */
        matchExpressionsError?: string;
        record: boolean;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'scale';
        replicas: number;
        /** `--current-replicas`, -1 (no precondition) unless given. */
        currentReplicas: number;
        record: boolean;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'label' | 'annotate';
        /** key → value to set, in the order given. */
        set: { key: string; value: string }[];
        /** keys given as `key-`. */
        remove: string[];
        overwrite: boolean;
        /** `--list` (label only): print the labels instead of changing them. */
        list: boolean;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'delete';
        /**
         * Effective grace period after kubectl's own rules: undefined = the object's default,
         * `--now` = 1, `--grace-period=0` without `--force` = 1, `--force` alone = 0.
         */
        gracePeriodSeconds?: number;
        force: boolean;
        ignoreNotFound: boolean;
        wait: boolean;
        output?: 'name';
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'rollout status';
        /** `-w/--watch`, true unless `--watch=false`. */
        watch: boolean;
        /** `--revision`, 0 = latest. */
        revision: number;
        /** `--timeout` in ms, 0 = none. */
        timeoutMs: number;
      })
    | (Targeting & { verb: 'rollout history'; revision: number; output?: OutputFormat })
    | (Targeting & {
        verb: 'rollout undo';
        toRevision: number;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'rollout pause' | 'rollout resume' | 'rollout restart';
        output?: OutputFormat;
      })
    | (Targeting & {
        verb: 'patch';
        patchType: 'strategic' | 'merge' | 'json';
        /** The patch as written. */
        patchText: string;
        /** The patch parsed (JSON or YAML) — an object, or an array for `--type json`. */
        patch: unknown;
        record: boolean;
        output?: OutputFormat;
        dryRun: DryRun;
      })
    | (Targeting & {
        verb: 'get';
        output?: OutputFormat;
        /** `-o custom-columns=HEADER:PATH,…`, parsed. */
        customColumns?: CustomColumn[];
        showLabels: boolean;
        /** `--show-kind`: kind-prefixed names even for one kind. */
        showKind: boolean;
        noHeaders: boolean;
        /** `-A`: every namespace (adds a NAMESPACE column). */
        allNamespaces: boolean;
        /** `-w/--watch` (the simulator prints the current state). */
        watch: boolean;
        ignoreNotFound: boolean;
        /** `--field-selector`, as given. */
        fieldSelector?: string;
        /** `--sort-by`: a JSONPath field of the served objects. */
        sortBy?: string;
      })
    | (Targeting & {
        verb: 'describe';
        allNamespaces: boolean;
        /**
         * `--show-events`; undefined = kubectl's default: events for a single object, none when
         * several are described. For `describe TYPE NAME`, NAME is a prefix when no object has
         * that exact name (DescribeMatchingResources).
         */
        showEvents?: boolean;
      })
    | {
        /**
         * `kubectl rolling-update OLD [NEW] (--image=IMG | -f FILE) | --rollback` (kubectl ≤ 1.17,
         * client-side, ReplicationControllers only): validated as validateArguments does.
         */
        verb: 'rolling-update';
        /** OLD_CONTROLLER_NAME. */
        oldName: string;
        /** NEW_CONTROLLER_NAME when given (then the old name is not kept). */
        newName?: string;
        /** `-f`: a manifest name from the scenario file. */
        filename?: string;
        image: string;
        /** `--deployment-label-key`, `deployment` unless given. */
        deploymentKey: string;
        container: string;
        imagePullPolicy: string;
        rollback: boolean;
        /** `--update-period`, `--poll-interval`, `--timeout` in ms (1m0s, 3s, 5m0s). */
        updatePeriodMs: number;
        pollIntervalMs: number;
        timeoutMs: number;
        /** `--dry-run` (a bool flag up to kubectl 1.17). */
        dryRun: boolean;
        /** `-o` as written; kubectl only resolves the printer once the update is over. */
        output: string;
      }
    | (Targeting & {
        /** `kubectl edit`: opens the object in an editor, then patches it with the changes. */
        verb: 'edit';
        output?: 'yaml' | 'json';
        outputPatch: boolean;
      })
    | {
        /** `kubectl argo rollouts …`: passed through for a later plugin implementation. */
        verb: 'argo rollouts';
        args: string[];
      }
    | {
        /** `--help`, `-h`, a bare `kubectl` or `kubectl rollout`: kubectl prints help text. */
        verb: 'help';
        /** The command path, e.g. `rollout` or `set image`; '' for kubectl itself. */
        command: string;
        /** 0 for --help; 1 where kubectl prints help because a subcommand is missing. */
        exitCode: number;
      }
  );

/** The verb strings, for exhaustive switches. */
export type KubectlVerb = KubectlCommand['verb'];

export type ParseResult =
  | {
      ok: true;
      cmd: KubectlCommand;
      /**
       * What kubectl writes to stderr before running, e.g. `Flag --record has been deprecated,
       * --record will be removed in the future\n`; the runner records stdout and stderr together.
       */
      warnings: string[];
    }
  | { ok: false; output: string; exitCode: number };
