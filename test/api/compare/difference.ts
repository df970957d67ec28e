/** Where two outputs part: the first differing line with a little context, both sides. */
export function firstDifference(kubectl: string, console_: string): string {
  const a = kubectl.split('\n');
  const b = console_.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 2);
  const show = (lines: string[]) =>
    lines
      .slice(from, i + 3)
      .map((l, k) => `${from + k + 1 === i + 1 ? '>' : ' '} ${JSON.stringify(l)}`)
      .join('\n');
  return `line ${i + 1}\n  kubectl:\n${show(a)}\n  console:\n${show(b)}`;
}
