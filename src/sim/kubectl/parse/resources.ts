/**
 * Resource arguments as cli-runtime's resource.Builder reads them (pkg/resource/builder.go
 * ResourceTypeOrNameArgs, mappingFor, visitorResult): `TYPE NAME…`, `TYPE/NAME…`,
 * `TYPE1,TYPE2 NAME`, `TYPE` alone, the `all` category, and the builder's error texts. Types
 * resolve through the names discovery would serve for the simulated API (api/kinds.ts): plural,
 * singular, short name or kind, optionally group-qualified (`deployments.apps`).
 */
import type { ResourceTarget } from './command';
import { KINDS, kindsInCategory, RESOURCE_KINDS, type ResourceKind } from '../../api/kinds';

/** One type word → kind, as the RESTMapper and shortcut expander resolve it. */
export function resolveType(arg: string): ResourceKind | { error: string } {
  const dot = arg.indexOf('.');
  const resource = dot >= 0 ? arg.slice(0, dot) : arg;
  const qualifier = dot >= 0 ? arg.slice(dot + 1) : undefined;
  const lower = resource.toLowerCase();
  const match = RESOURCE_KINDS.find((kind) => {
    const t = KINDS[kind];
    return (
      // Short names are matched as typed; plural, singular and kind case-insensitively.
      (t.shortNames.some((s) => s === resource) ||
        t.plural === lower ||
        t.singular === lower ||
        kind.toLowerCase() === lower) &&
      // `deployments.apps` or `deployments.v1.apps`.
      (qualifier === undefined ||
        qualifier === t.group ||
        qualifier.replace(/^v[0-9a-z]+\./, '') === t.group)
    );
  });
  if (match) return match;
  return { error: `the server doesn't have a resource type ${JSON.stringify(resource)}` };
}

/** SplitResourceArgument: `deploy,rs,` → [deploy, rs], duplicates dropped. */
function splitTypes(arg: string): string[] {
  return [...new Set(arg.split(',').filter((s) => s !== ''))];
}

/** Types of one comma list, with `all` expanded (Builder.ReplaceAliases). */
function resolveTypes(arg: string): ResourceKind[] | { error: string } {
  const kinds: ResourceKind[] = [];
  for (const word of splitTypes(arg)) {
    if (word === 'all') {
      // Discovery's `all` category, restricted to the kinds the simulator knows.
      kinds.push(...kindsInCategory('all'));
      continue;
    }
    const k = resolveType(word);
    if (typeof k === 'object') return k;
    kinds.push(k);
  }
  // resourceMappings keeps one mapping per kind.
  return [...new Set(kinds)];
}

export const MISSING_RESOURCE =
  'You must provide one or more resources by argument or filename.\n' +
  'Example resource specifications include:\n' +
  "   '-f rsrc.yaml'\n" +
  "   '--filename=rsrc.json'\n" +
  "   '<resource> <name>'\n" +
  "   '<resource>'";

export interface BuilderInput {
  args: readonly string[];
  /** ResourceTypeOrNameArgs(allowEmptySelector): `TYPE` alone selects everything. */
  allowEmptySelector: boolean;
  hasSelector: boolean;
  selectAll: boolean;
  /** `-f` given: the objects come from those manifests, so no resource arguments may follow. */
  hasFilenames?: boolean;
}

/**
 * The resource builder's reading of the arguments: targets in the order kubectl visits them,
 * or the builder's error text (without kubectl's `error: ` prefix).
 */
export function buildTargets(
  input: BuilderInput,
): { targets: ResourceTarget[] } | { error: string } {
  const given = input.args;
  if (input.hasFilenames) {
    // visitByPaths: files name the objects.
    if (given.length === 0) return { targets: [] };
    if (given.some((a) => a.includes('/'))) {
      return { error: 'resource/name arguments cannot be provided when a path is specified' };
    }
    return {
      error:
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    };
  }
  // normalizeMultipleResourcesArgs: `a,b NAME…` → a/NAME… b/NAME…
  const types = splitTypes(given[0] ?? '');
  const args =
    given.length >= 2 && types.length > 1
      ? types.flatMap((t) => given.slice(1).map((n) => `${t}/${n}`))
      : [...given];
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes !== args.length) {
    return {
      error:
        'there is no need to specify a resource type as a separate argument when passing arguments in ' +
        "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    };
  }
  if (slashes > 0) {
    if (input.hasSelector || input.selectAll) {
      return {
        error: 'selectors and the all flag cannot be used when passing resource/name arguments',
      };
    }
    const targets: ResourceTarget[] = [];
    for (const a of args) {
      const seg = a.split('/');
      if (seg.length !== 2)
        return { error: 'arguments in resource/name form may not have more than one slash' };
      const [type = '', name = ''] = seg;
      if (type === '' || name === '' || splitTypes(type).length !== 1) {
        return { error: 'arguments in resource/name form must have a single resource and name' };
      }
      const kind = resolveType(type);
      if (typeof kind === 'object') return kind;
      targets.push({ kind, name });
    }
    return { targets };
  }
  if (args.length === 0) {
    const selecting = input.hasSelector || input.selectAll;
    return {
      error: selecting
        ? 'at least one resource must be specified to use a selector'
        : MISSING_RESOURCE,
    };
  }
  const kinds = resolveTypes(args[0] ?? '');
  const names = args.slice(1);
  const selecting =
    input.hasSelector || input.selectAll || (names.length === 0 && input.allowEmptySelector);
  if (selecting) {
    if (names.length > 0) return { error: 'name cannot be provided when a selector is specified' };
    if ('error' in kinds) return kinds;
    return { targets: kinds.map((kind) => ({ kind })) };
  }
  if (names.length > 0) {
    if ('error' in kinds) return kinds;
    if (kinds.length > 1) return { error: 'you must specify only one resource' };
    const kind = kinds[0];
    if (!kind) return { error: 'you must provide a resource and a resource name together' };
    return { targets: names.map((name) => ({ kind, name })) };
  }
  if ('error' in kinds) return kinds;
  return { error: 'resource(s) were provided, but no name was specified' };
}
