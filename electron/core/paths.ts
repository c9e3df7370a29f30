import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Channel Cost Desk';

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives, so the desktop
 * app and browser mode open the same database by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CCD_DATA_DIR) return env.CCD_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
