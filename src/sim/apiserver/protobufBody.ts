/**
 * A create sent as protobuf (`Content-Type: application/vnd.kubernetes.protobuf`), which
 * kubectl's typed clients use (`kubectl create deployment`, `create service`, `autoscale`):
 * the `k8s\0` envelope around a runtime.Unknown (its TypeMeta and the object's bytes), read
 * with the field numbers of protoSchema.ts into the object's JSON shape
 * (k8s.io/apimachinery/pkg/runtime/serializer/protobuf). A scalar field at its zero value is
 * left out, as encoding/json's omitempty leaves it out of the JSON of the same object, except
 * the optional pointers whose zero means something (`replicas: 0`).
 *
 * The body arrives as a binary string, one character per byte (serve reads a protobuf body as
 * latin1).
 */
import { PROTO_MESSAGES } from './protoSchema';

const MAGIC = 'k8s\u0000';

/** Optional pointers in the Go types: present means set, even at zero. */
const KEEP_ZERO = new Set([
  'replicas',
  'minReplicas',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'deletionGracePeriodSeconds',
  'automountServiceAccountToken',
  'enableServiceLinks',
  'shareProcessNamespace',
  'priority',
  'averageUtilization',
  'targetCPUUtilizationPercentage',
  'allocateLoadBalancerNodePorts',
  'hostUsers',
  'setHostnameAsFQDN',
  'controller',
  'blockOwnerDeletion',
]);

/** The message each kind's object is, by apiVersion. */
function rootMessage(apiVersion: string, kind: string): string | undefined {
  if (kind === 'Deployment' && apiVersion === 'apps/v1') return 'apps.Deployment';
  if (kind === 'Service' && apiVersion === 'v1') return 'core.Service';
  if (kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v2')
    return 'as2.HorizontalPodAutoscaler';
  if (kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1')
    return 'as1.HorizontalPodAutoscaler';
  return undefined;
}

class Reader {
  pos: number;
  constructor(
    readonly bytes: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  byte(): number {
    if (this.pos >= this.end) throw new Error('unexpected EOF');
    return this.bytes.charCodeAt(this.pos++) & 0xff;
  }

  varint(): bigint {
    let v = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte();
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    throw new Error('proto: integer overflow');
  }

  /** A signed 64-bit value read from its two's complement varint. */
  int(): number {
    return Number(BigInt.asIntN(64, this.varint()));
  }

  sub(): Reader {
    const len = Number(this.varint());
    if (this.pos + len > this.end) throw new Error('unexpected EOF');
    const r = new Reader(this.bytes, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  text(): string {
    const r = this.sub();
    const raw = this.bytes.slice(r.pos, r.end);
    return decodeURIComponent(escape(raw));
  }
}

type Rec = Record<string, unknown>;

function isEmpty(v: unknown, name: string): boolean {
  if (KEEP_ZERO.has(name)) return v === undefined;
  if (v === '' || v === 0 || v === false || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

/** A message's value, or the JSON form of the apimachinery types that are not objects in JSON. */
function message(r: Reader, type: string): unknown {
  const fields = PROTO_MESSAGES[type];
  // An empty struct (a Deployment's `status: {}`) is nothing to read, whatever its type.
  if (!fields && r.pos === r.end) return {};
  if (!fields) throw new Error(`${type.split('.').pop() ?? type} is not read from protobuf here`);
  const out: Rec = {};
  while (r.pos < r.end) {
    const tag = Number(r.varint());
    const num = tag >>> 3;
    const wire = tag & 7;
    const field = fields[num];
    if (!field) throw new Error(`unknown field ${num} in ${type}`);
    const [name, ftype, label] = field;
    const value = (): unknown => {
      if (wire === 0) {
        const n = r.int();
        return ftype === 'bool' ? n !== 0 : n;
      }
      if (wire !== 2) throw new Error(`unexpected wire type ${wire} for ${type}.${name}`);
      if (ftype === 'string') return r.text();
      if (ftype === 'bytes') {
        const s = r.sub();
        return r.bytes.slice(s.pos, s.end);
      }
      const sub = r.sub();
      // Status (zeros from the client's struct) is the server's to fill: a create drops it.
      if (name === 'status' && !PROTO_MESSAGES[ftype]) return undefined;
      return message(sub, ftype);
    };
    if (label === 2) {
      const entry = r.sub();
      let key = '';
      let val: unknown = '';
      while (entry.pos < entry.end) {
        const t = Number(entry.varint());
        if (t >>> 3 === 1) key = entry.text();
        else val = ftype === 'string' ? entry.text() : message(entry.sub(), ftype);
      }
      ((out[name] ??= {}) as Rec)[key] = val;
    } else if (label === 1) {
      const list = (out[name] ??= []) as unknown[];
      // Packed repeated scalars (proto2 [packed=true] is not used by Kubernetes' messages, but a
      // length-delimited int field is read either way).
      if (wire === 2 && (ftype === 'int32' || ftype === 'int64')) {
        const s = r.sub();
        while (s.pos < s.end) list.push(s.int());
      } else list.push(value());
    } else out[name] = value();
  }
  return special(type, out);
}

function special(type: string, m: Rec): unknown {
  if (type === 'intstr.IntOrString') return m.type === 1 ? (m.strVal ?? '') : (m.intVal ?? 0);
  if (type === 'resource.Quantity') return m.string ?? '';
  if (type === 'meta.Time') {
    const s = typeof m.seconds === 'number' ? m.seconds : 0;
    return s ? new Date(s * 1000).toISOString().replace(/\.\d+Z$/, 'Z') : undefined;
  }
  for (const k of Object.keys(m)) if (isEmpty(m[k], k)) delete m[k];
  return m;
}

/** The object a protobuf body holds, in its JSON shape, or why it cannot be read. */
export function decodeProtobuf(body: string): { value: Rec } | { error: string } {
  if (!body.startsWith(MAGIC))
    return { error: 'provided object is not a protobuf message (no k8s magic prefix)' };
  try {
    const unknown = message(new Reader(body, MAGIC.length, body.length), 'runtime.Unknown') as {
      typeMeta?: { apiVersion?: string; kind?: string };
      raw?: string;
    };
    const apiVersion = unknown.typeMeta?.apiVersion ?? '';
    const kind = unknown.typeMeta?.kind ?? '';
    const root = rootMessage(apiVersion, kind);
    if (!root) return { error: `${kind} ${apiVersion} is not read from protobuf here` };
    const raw = unknown.raw ?? '';
    const obj = message(new Reader(raw, 0, raw.length), root) as Rec;
    return { value: { apiVersion, kind, ...obj } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
