/**
 * Splits a command line into words the way a POSIX shell would for kubectl: blanks separate
 * words, '…' is literal, "…" honours \" \\ \$ \` escapes, a backslash outside quotes escapes
 * the next character. No expansion, globbing or pipes.
 */

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string };

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line.charAt(i + 1)))
        word += line.charAt(++i);
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  // bash's wording for an unclosed quote.
  if (quote) return { ok: false, error: `unexpected EOF while looking for matching \`${quote}'` };
  if (inWord) words.push(word);
  return { ok: true, words };
}
