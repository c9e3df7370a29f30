import { rmSync } from 'node:fs';

/** Removes the shared demo server's data folder (playwright.config.ts created it). */
export default function teardown(): void {
  const dir = process.env.CCD_E2E_DATA;
  if (dir && dir.includes('ccd-e2e-')) rmSync(dir, { recursive: true, force: true });
}
