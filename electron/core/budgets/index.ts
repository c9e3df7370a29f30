/**
 * The budget area's core functions for other areas (cost requests, claims, Excel import): they
 * take the caller's AuthedCtx and run inside the caller's transaction when there is one.
 * - checkAvailability(ctx, cell, amount): ok / warn / block with the cell's balances
 * - commitBudget / releaseBudget / recordActual(ctx, input): post commitment / release / actual
 *   entries with their source document (core functions only; no API method posts to the ledger)
 * - saveVersionLines(ctx, input): bulk upsert of lines into a draft version (budgetVersions.saveLines)
 * - budgetVsActual(ctx, input): the report (budgets.vsActual)
 */
export { checkAvailability, commitBudget, recordActual, releaseBudget, type ActualInput, type CommitInput, type DocRef, type ReleaseInput } from './control';
export { budgetVsActual } from './report';
export { saveVersionLines } from './saveLines';
