// Files holding personal data or keys are the owner's only: folders 700, files 600 (PIPA safety standard §6,
// access control). Applied when they are made and again on every start, so modes loosened by a copy, an unpacked
// backup or a hand-made folder are tightened before the server serves anything.
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder if needed and makes it owner-only. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes the file owner-only if it exists (SQLite's -wal and -shm come and go). */
export function privateFileIfPresent(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Runs `make` with a umask that leaves new files owner-only, for code that writes files with its own default
 * modes (the certificate generator). Start-up only: the umask is process-wide while `make` runs.
 */
export async function withPrivateUmask<T>(make: () => Promise<T>): Promise<T> {
  const previous = process.umask(0o077);
  try {
    return await make();
  } finally {
    process.umask(previous);
  }
}
