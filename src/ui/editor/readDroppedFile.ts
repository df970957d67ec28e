/**
 * A file brought in by "Import YAML file" or dropped on the editor, read as text — or why not.
 * The editor keeps what it had when a file cannot be read.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function readTextFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      error: `"${file.name}" is ${megabytes(file.size)}; the editor opens files up to ${megabytes(MAX_IMPORT_BYTES)}. Nothing was changed.`,
    };
  try {
    return { text: await file.text() };
  } catch (e) {
    return {
      error: `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
