import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto. Each hash stores its own parameters and salt,
 * so the cost can be raised and old hashes still verify; a sign-in that verifies an older, cheaper
 * hash stores a new one at the current cost (`needsRehash`):
 *   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
 * Cost: N = 2^17, r = 8, p = 1 (OWASP's scrypt minimum), about 0.6 s on one core of our build
 * machine. scrypt needs 128 × N × r bytes = 128 MiB at these settings, more than Node's default
 * `maxmem` of 32 MiB, hence the explicit 256 MiB (room for N = 2^17 with r up to 15, or 2^18 with r = 8;
 * a stored hash asking for more memory than that does not verify instead of exhausting memory).
 */
export const PRODUCTION_PASSWORD_PARAMS = { N: 1 << 17, r: 8, p: 1, keylen: 64 };

/**
 * Test runs only: `CCD_TEST_KDF=weak` together with `NODE_ENV=test` (vitest sets NODE_ENV itself;
 * the e2e web server and the crash test set both) lowers N to 2^13, about 16× cheaper, so the
 * suite's several hundred sign-ins do not cost minutes of CI. Both variables are needed, so a
 * stray one in a user's environment changes nothing; and a hash made at the weak cost is below
 * the production cost, so `needsRehash` replaces it at the next sign-in of a normal run.
 */
export function passwordParams(env: NodeJS.ProcessEnv = process.env): typeof PRODUCTION_PASSWORD_PARAMS {
  return env.CCD_TEST_KDF === 'weak' && env.NODE_ENV === 'test' ? { ...PRODUCTION_PASSWORD_PARAMS, N: 1 << 13 } : PRODUCTION_PASSWORD_PARAMS;
}
export const PASSWORD_PARAMS = passwordParams();
const MAXMEM = 256 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(password.normalize('NFKC'), salt, keylen, { ...opts, maxmem: MAXMEM }, (e, k) => (e ? rej(e) : res(k))));
}

export async function hashPassword(password: string, params = PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  return { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  let key: Buffer;
  try {
    key = await scrypt(password, h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p });
  } catch {
    return false; // parameters scrypt refuses (or beyond maxmem): not a hash we made
  }
  return key.length === h.hash.length && timingSafeEqual(key, h.hash);
}

/** A stored hash made with a lower cost (or shorter key) than today's: store a new one at the next sign-in. */
export function needsRehash(stored: string, params = PASSWORD_PARAMS): boolean {
  const h = parse(stored);
  return !h || h.N < params.N || h.r < params.r || h.p < params.p || h.hash.length < params.keylen;
}

/** A hash of a random password, verified against when the user does not exist (equal timing). */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}
