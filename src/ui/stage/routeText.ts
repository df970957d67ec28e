/** Words and numbers of the route box, shared by its parts (pure). */

/** 0.0964 → "9.6%"; 1 → "100%". */
export function formatShare(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${p}%`;
}

/** A destination as people say it: "web v2" (Service and subset), or just the Service. */
export function destName(d: { service: string; subset: string | null }): string {
  return d.subset ? `${d.service} ${d.subset}` : d.service;
}
