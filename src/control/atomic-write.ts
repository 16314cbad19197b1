import { rename, writeFile } from 'node:fs/promises';

/** Write a file so a reader sees the old or the new content, never half: a temporary beside it, then rename. */
export async function writeFileAtomic(file: string, text: string, mode = 0o600): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, file);
}
