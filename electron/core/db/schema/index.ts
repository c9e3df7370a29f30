// Every table of the database, one file per area. drizzle-kit reads this file.
export * from './master';
export * from './excel';
export * from './budgets';
export * from './documents';
export * from './workflow';
export * from './analysis';
