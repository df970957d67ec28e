/**
 * Everything a stream yields, refusing more than `limit` bytes: links are unpacked through
 * this, so a small tampered link cannot inflate into a huge text (a deflate bomb).
 */
export async function readBounded(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooBig: (message: string) => Error,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw tooBig(`it unpacks to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
