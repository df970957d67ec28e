// The type of v3.json, declared so TypeScript does not infer a literal type for 0.6 MB of JSON.
declare const data: {
  hashes: Record<string, string>;
  docs: Record<string, unknown>;
  $shared: unknown[];
};
export default data;
