import type { APIRequestContext } from '@playwright/test';

/** Calls the core over HTTP, as the renderer does, to check what was really stored. */
export class Api {
  private token: string | null = null;
  constructor(
    private readonly request: APIRequestContext,
    private readonly base: string,
  ) {}

  async signIn(username: string, password = 'demo1234'): Promise<this> {
    const s = await this.call<{ token: string }>('auth.signIn', { username, password });
    this.token = s.token;
    return this;
  }

  async call<T>(method: string, input: unknown = {}): Promise<T> {
    const res = await this.request.post(new URL(`api/${method}`, this.base).toString(), {
      data: input,
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string } };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.data as T;
  }
}

export interface PartnerDto {
  id: number;
  code: string;
  name: string;
  orgUnitId: number;
  ownerUserId: number | null;
  starRating: number;
  contractStart: string | null;
  contractEnd: string | null;
  contactName: string;
  active: boolean;
  version: number;
}
