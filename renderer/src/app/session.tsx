import { createContext, useContext } from 'react';
import type { SessionUser } from '@shared/api/areas/auth';

export interface SessionValue {
  user: SessionUser;
  setUser(u: SessionUser): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in shell');
  return s;
}
