/**
 * The Swagger 2.0 document as protobuf: gnostic's `openapi.v2.Document`
 * (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto; field numbers below are that
 * file's), the bytes kube-openapi serves for `Accept:
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf` (handler.ToProtoBinary:
 * openapi_v2.ParseDocument of the JSON, then proto.Marshal). kubectl 1.32 asks for v2 only in
 * this form (client-go DiscoveryClient.OpenAPISchema) and needs it where v3 cannot answer:
 * client-side validation of a `kind: List` file (`kubectl get -o yaml` of several objects, applied
 * back), `explain --output=plaintext-openapiv2`, and apply's patch type for custom resources.
 *
 * Values gnostic keeps as YAML (`Any`: defaults, enums, examples, vendor extensions) are written
 * as JSON text, which is YAML; kube-openapi reads them with yaml.Unmarshal.
 */
import { utf8 as utf8Bytes } from '../../core/utf8';
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A growable byte buffer with protobuf's wire encodings. */
class Writer {
  private buf = new Uint8Array(64);
  len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  varint(n: number): void {
    this.room(10);
    let v = n;
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** A string field (proto3: an empty string is not written). */
  str(field: number, s: unknown): void {
    if (typeof s !== 'string' || s === '') return;
    const b = utf8(s);
    this.tag(field, 2);
    this.varint(b.length);
    this.bytes(b);
  }

  strs(field: number, list: unknown): void {
    if (Array.isArray(list)) for (const s of list) this.str(field, String(s));
  }

  bool(field: number, b: unknown): void {
    if (b !== true) return;
    this.tag(field, 0);
    this.varint(1);
  }

  int(field: number, n: unknown): void {
    if (typeof n !== 'number' || n === 0) return;
    this.tag(field, 0);
    this.varint(n);
  }

  double(field: number, n: unknown): void {
    if (typeof n !== 'number' || n === 0) return;
    this.tag(field, 1);
    const d = new DataView(new ArrayBuffer(8));
    d.setFloat64(0, n, true);
    this.bytes(new Uint8Array(d.buffer));
  }

  /** An embedded message, written by `body` into its own buffer first for its length. */
  msg(field: number, body: (w: Writer) => void): void {
    const inner = new Writer();
    body(inner);
    this.tag(field, 2);
    this.varint(inner.len);
    this.bytes(inner.view());
  }

  /** The bytes written, without a copy (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function utf8(s: string): Uint8Array {
  const ascii = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return Uint8Array.from(utf8Bytes(s));
    ascii[i] = c;
  }
  return ascii;
}

/** `Any { string yaml = 2; }` */
function any(w: Writer, field: number, value: unknown): void {
  if (value === undefined) return;
  w.msg(field, (a) => a.str(2, `${JSON.stringify(value)}\n`));
}

/** `repeated NamedAny vendor_extension`: every `x-` key. */
function extensions(w: Writer, field: number, o: Json): void {
  for (const [k, v] of Object.entries(o)) {
    if (!k.startsWith('x-')) continue;
    w.msg(field, (n) => {
      n.str(1, k);
      any(n, 2, v);
    });
  }
}

/** `message Schema` */
function schema(w: Writer, s: Json): void {
  w.str(1, s.$ref);
  w.str(2, s.format);
  w.str(3, s.title);
  w.str(4, s.description);
  any(w, 5, s.default);
  w.double(6, s.multipleOf);
  w.double(7, s.maximum);
  w.bool(8, s.exclusiveMaximum);
  w.double(9, s.minimum);
  w.bool(10, s.exclusiveMinimum);
  w.int(11, s.maxLength);
  w.int(12, s.minLength);
  w.str(13, s.pattern);
  w.int(14, s.maxItems);
  w.int(15, s.minItems);
  w.bool(16, s.uniqueItems);
  w.int(17, s.maxProperties);
  w.int(18, s.minProperties);
  w.strs(19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) any(w, 20, e);
  const ap = s.additionalProperties;
  if (isObject(ap)) w.msg(21, (a) => a.msg(1, (x) => schema(x, ap)));
  else if (typeof ap === 'boolean')
    w.msg(21, (a) => {
      // A oneof member is written even when false.
      a.tag(2, 0);
      a.varint(ap ? 1 : 0);
    });
  if (s.type !== undefined) w.msg(22, (t) => t.strs(1, Array.isArray(s.type) ? s.type : [s.type]));
  const items = s.items;
  if (isObject(items)) w.msg(23, (i) => i.msg(1, (x) => schema(x, items)));
  else if (Array.isArray(items))
    w.msg(23, (i) => items.filter(isObject).forEach((it) => i.msg(1, (x) => schema(x, it))));
  if (Array.isArray(s.allOf))
    for (const a of s.allOf.filter(isObject)) w.msg(24, (x) => schema(x, a));
  const props = s.properties;
  if (isObject(props)) w.msg(25, (p) => named(p, 1, props, (x, v) => schema(x, v)));
  w.str(26, s.discriminator);
  w.bool(27, s.readOnly);
  any(w, 30, s.example);
  extensions(w, 31, s);
}

/** `repeated Named… { string name = 1; … value = 2; }` over an object's entries. */
function named(w: Writer, field: number, o: Json, value: (w: Writer, v: Json) => void): void {
  for (const [k, v] of Object.entries(o)) {
    if (!isObject(v)) continue;
    w.msg(field, (n) => {
      n.str(1, k);
      n.msg(2, (x) => value(x, v));
    });
  }
}

/** The fields a non-body parameter shares, from `type` on (path/header: 5.., query: 6..). */
function simpleParameter(w: Writer, p: Json, first: number): void {
  w.str(first, p.type);
  w.str(first + 1, p.format);
  w.str(first + 3, p.collectionFormat);
  any(w, first + 4, p.default);
  w.bool(first + 14, p.uniqueItems);
}

/** `message ParametersItem` */
function parameter(w: Writer, p: Json): void {
  if (typeof p.$ref === 'string') {
    w.msg(2, (r) => r.str(1, p.$ref));
    return;
  }
  w.msg(1, (param) => {
    if (p.in === 'body') {
      param.msg(1, (b) => {
        b.str(1, p.description);
        b.str(2, p.name);
        b.str(3, p.in);
        b.bool(4, p.required);
        if (isObject(p.schema)) b.msg(5, (x) => schema(x, p.schema as Json));
        extensions(b, 6, p);
      });
      return;
    }
    // NonBodyParameter: header 1, formData 2, query 3, path 4.
    const which = { header: 1, formData: 2, query: 3, path: 4 }[String(p.in)] ?? 3;
    param.msg(2, (nb) =>
      nb.msg(which, (x) => {
        x.bool(1, p.required);
        x.str(2, p.in);
        x.str(3, p.description);
        x.str(4, p.name);
        if (which === 2 || which === 3) {
          x.bool(5, p.allowEmptyValue);
          simpleParameter(x, p, 6);
          extensions(x, 23, p);
        } else {
          simpleParameter(x, p, 5);
          extensions(x, 22, p);
        }
      }),
    );
  });
}

/** `message Operation` */
function operation(w: Writer, op: Json): void {
  w.strs(1, op.tags);
  w.str(2, op.summary);
  w.str(3, op.description);
  w.str(5, op.operationId);
  w.strs(6, op.produces);
  w.strs(7, op.consumes);
  if (Array.isArray(op.parameters))
    for (const p of op.parameters.filter(isObject)) w.msg(8, (x) => parameter(x, p));
  const responses = op.responses;
  if (isObject(responses))
    w.msg(9, (r) =>
      named(r, 1, responses, (nv, resp) =>
        nv.msg(1, (x) => {
          x.str(1, resp.description);
          if (isObject(resp.schema))
            x.msg(2, (si) => si.msg(1, (s) => schema(s, resp.schema as Json)));
        }),
      ),
    );
  w.strs(10, op.schemes);
  w.bool(11, op.deprecated);
  extensions(w, 13, op);
}

const OPERATION_FIELDS: Record<string, number> = {
  get: 2,
  put: 3,
  post: 4,
  delete: 5,
  options: 6,
  head: 7,
  patch: 8,
};

/** `message PathItem` */
function pathItem(w: Writer, item: Json): void {
  for (const [method, field] of Object.entries(OPERATION_FIELDS)) {
    const op = item[method];
    if (isObject(op)) w.msg(field, (x) => operation(x, op));
  }
  if (Array.isArray(item.parameters))
    for (const p of item.parameters.filter(isObject)) w.msg(9, (x) => parameter(x, p));
  extensions(w, 10, item);
}

/** `message Document`, encoded. */
export function swaggerProtobuf(doc: Json): Uint8Array {
  const w = new Writer();
  w.str(1, doc.swagger);
  const info = doc.info;
  if (isObject(info))
    w.msg(2, (i) => {
      i.str(1, info.title);
      i.str(2, info.version);
      i.str(3, info.description);
    });
  const paths = doc.paths;
  if (isObject(paths)) w.msg(8, (p) => named(p, 2, paths, pathItem));
  const definitions = doc.definitions;
  if (isObject(definitions)) w.msg(9, (d) => named(d, 1, definitions, schema));
  if (Array.isArray(doc.security))
    for (const req of doc.security.filter(isObject))
      w.msg(12, (s) =>
        Object.entries(req).forEach(([name, scopes]) =>
          s.msg(1, (n) => {
            n.str(1, name);
            n.msg(2, (a) => a.strs(1, scopes));
          }),
        ),
      );
  const defs = doc.securityDefinitions;
  if (isObject(defs))
    w.msg(13, (sd) =>
      named(sd, 1, defs, (item, d) =>
        // Only API keys (the BearerToken the API server declares) are served.
        item.msg(2, (k) => {
          k.str(1, d.type);
          k.str(2, d.name);
          k.str(3, d.in);
          k.str(4, d.description);
        }),
      ),
    );
  return w.done();
}
