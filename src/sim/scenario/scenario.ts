/**
 * The Scenario document, resolved: durations in milliseconds, CPU in millicores, memory in bytes,
 * defaults applied. See shared spec scenario-format.md §1 for the file format.
 */
import type { KubeObject } from '../api/objects';

/** How a container image behaves in the simulated cluster. */
export interface ImageBehaviour {
  /** ContainerCreating lasts this long (ms). */
  pullTime: number;
  /** From container start until the app accepts connections (ms). */
  startTime: number;
  /** From SIGTERM until the process exits (ms). */
  shutdownTime: number;
  /** Response time of one request (ms). */
  latency: number;
  /** Share of requests the app answers with a 5xx (0..1). */
  errorRate: number;
  /** CPU a running container uses with no traffic (millicores). */
  idleCpu: number;
  /** Extra CPU per request per second served (millicores). */
  cpuPerRps: number;
  /** false: the app never accepts connections (readiness never passes). */
  ready: boolean;
  /** The process exits this long after start (ms); null = never. */
  crashAfter: number | null;
  /** Pulling the image always fails (ErrImagePull, then ImagePullBackOff). */
  pullError: boolean;
}

export interface TrafficSegment {
  /** Share of clients in this segment (0..1). */
  share: number;
  /** Headers every request of the segment carries (cookies via the `cookie` header). */
  headers: Record<string, string>;
}

export interface TrafficSpec {
  /** A Service name, or a VirtualService host. */
  target: string;
  /** Mean requests per simulated second (Poisson arrivals). */
  rps: number;
  /** Distinct client IPs. */
  clients: number;
  segments: TrafficSegment[];
}

export type ProxyMode = 'iptables' | 'ipvs';

export interface ClusterSpec {
  nodes: number;
  /** Allocatable CPU per node (millicores). */
  nodeCpu: number;
  /** Allocatable memory per node (bytes). */
  nodeMemory: number;
  /** kube-proxy mode: iptables = uniform random per connection, ipvs = round robin. */
  proxyMode: ProxyMode;
}

interface StepBase {
  /** Simulated time (ms). */
  at: number;
  /** Position in the file's `steps` list (equal times keep file order). */
  index: number;
  /** Optional narration shown when the step runs (annotation-like extension). */
  caption?: string;
}

export type ScenarioStep =
  | (StepBase & { kind: 'kubectl'; command: string })
  | (StepBase & { kind: 'apply'; manifest: KubeObject })
  | (StepBase & { kind: 'traffic'; traffic: Partial<TrafficSpec> })
  /** Ctrl-C: the kubectl commands still running on the client (rolling-update, status -w) stop. */
  | (StepBase & { kind: 'interrupt' })
  /** The "pod start time" control from now on (a session exported as a scenario). */
  | (StepBase & { kind: 'startTime'; ms: number });

export interface Scenario {
  name: string;
  title: string;
  description: string;
  seed: number;
  /** How far the runner simulates by default (ms). */
  duration: number;
  cluster: ClusterSpec;
  defaults: ImageBehaviour;
  /** Per-image overrides, already merged over `defaults`. */
  images: Record<string, ImageBehaviour>;
  traffic: TrafficSpec | null;
  steps: ScenarioStep[];
  /** Every non-Scenario document, in file order (applied at t = 0). */
  manifests: KubeObject[];
}

/**
 * Something in the file that the simulator does not model (a kind such as ConfigMap, a field
 * such as `volumes`): listed, never silently dropped, and the run goes on.
 */
export interface IgnoredItem {
  /** Index of the YAML document in the file (0-based, `---` separated). */
  doc: number;
  /** Field path inside that document, API style (`spec.template.spec.volumes`,
   * `items[2].spec.affinity`); '' for the whole document. */
  path: string;
  /** What is ignored and why, for people (`kind ConfigMap is not simulated`). */
  what: string;
}

/** What parsing found besides the scenario or the errors. */
export interface ParseExtras {
  ignored: IgnoredItem[];
  /** Notes for people (the runner prints them on stderr): e.g. that a Scenario was generated. */
  notes: string[];
  /**
   * The YAML text of the Scenario document generated for a file that holds only manifests
   * (generatedScenario.ts), for the editor to show and the person to edit; absent otherwise.
   */
  generatedScenario?: string;
}

export type ParseResult = ({ ok: true; scenario: Scenario } | { ok: false; errors: string[] }) &
  ParseExtras;
