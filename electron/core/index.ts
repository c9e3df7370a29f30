import { EventEmitter } from 'node:events';
import type { Input, MethodName, Output, PushEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { CoreEnv, Logger } from './context';
import { openDb, type OpenOptions } from './db/open';
import { createDispatcher, type CallMeta } from './dispatch';
import { createTicketStore, eventAccess } from './auth/tickets';
import { fileAccess } from './excel/files';
import { BUILT_IN_KINDS } from './excel/kinds';
import { createExcelState } from './excel/state';
import { handlers } from './handlers';
import { documentsStartup } from './workflow/startup';

export interface CoreOptions extends OpenOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
}

export interface Core {
  /** typed in-process call; throws ApiError */
  call<M extends MethodName>(method: M, input: Input<M>, meta?: CallMeta): Promise<Output<M>>;
  /** untyped call for transports; never throws */
  invoke(method: string, input: unknown, meta?: CallMeta): Promise<Envelope<unknown>>;
  /** push events, each with the user it is for */
  on(listener: (e: PushEvent, userId: number) => void): () => void;
  /** the transports' doors to the Excel exchange's files (upload route, download route, save dialog) */
  files: ReturnType<typeof fileAccess>;
  /** the browser's event stream: opened with a ticket, ended with its session */
  events: ReturnType<typeof eventAccess>;
  env: CoreEnv;
  close(): void;
}

export const consoleLogger: Logger = {
  info: (msg, meta) => console.log(JSON.stringify({ level: 'info', msg, ...meta })),
  error: (msg, meta) => console.error(JSON.stringify({ level: 'error', msg, ...meta })),
};

/** The whole application backend, in plain Node: storage, services, auth. */
export function createCore(opts: CoreOptions): Core {
  const db = openDb(opts.dataDir, opts);
  const events = new EventEmitter();
  const env: CoreEnv = {
    db,
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    emit: (e, userId) => events.emit('event', e, userId),
    log: opts.log ?? consoleLogger,
    excel: createExcelState(BUILT_IN_KINDS),
    tickets: createTicketStore(),
    reopenDb(between) {
      env.db.$client.close();
      env.tickets.clear(); // a ticket names a session of the file being closed
      try {
        between();
      } finally {
        env.db = openDb(opts.dataDir, opts);
      }
    },
  };
  if (!opts.readonly) documentsStartup(env);
  const d = createDispatcher(env, handlers);
  return {
    call: (method, input, meta) => d.call(method, input, meta) as never,
    invoke: d.invoke,
    on(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    files: fileAccess(env),
    events: eventAccess(env),
    env,
    close: () => env.db.$client.close(),
  };
}
