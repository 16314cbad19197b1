/** A throwaway directory under the OS temp dir for database files. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'fulmar-store-'));

  file(name = 'leases.db'): string {
    return join(this.path, name);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
