import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { MONEY_PARAMS, messageParams, translateError, translateIssue, type Translator } from './errors';
import { messages, type AppLocale } from './index';

/** The shared error translation on an i18next instance configured like the renderer's. */
async function translator(lng: AppLocale): Promise<Translator> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: messages['zh-CN'] }, en: { translation: messages.en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { exists: (k) => i18n.exists(k), t: (k, p) => i18n.t(k, p) };
}

// as the core sends it (electron/core/budgets/control.ts): integer fen
const exceeded = new ApiError('budget_exceeded', 'Over budget', { available: 400_000, limit: 1_050_000, amount: 400_150 });

describe('unexpected errors', () => {
  it('show the id the core logged them under, when there is one', async () => {
    const withRef = new ApiError('internal', 'Unexpected error (id 0a1b2c3d4e)', { ref: '0a1b2c3d4e' });
    expect(translateError(await translator('zh-CN'), withRef)).toBe('发生意外错误，请重试；如仍出错，请将错误编号 0a1b2c3d4e 告知管理员。');
    expect(translateError(await translator('en'), withRef.toJSON())).toContain('error id 0a1b2c3d4e');
    expect(translateError(await translator('en'), new ApiError('internal', 'x'))).toBe('Something went wrong. Try again or contact your administrator.');
  });
});

describe('error texts with money', () => {
  it('show budget_exceeded in ¥ yuan, in Chinese and English', async () => {
    expect(translateError(await translator('zh-CN'), exceeded)).toBe('超出预算：可用 ¥4,000.00，容差上限 ¥10,500.00，本次 ¥4,001.50。');
    expect(translateError(await translator('en'), exceeded)).toBe('Over budget: available ¥4,000.00, tolerance limit ¥10,500.00, requested ¥4,001.50.');
    // the envelope's JSON shape (what crosses IPC/HTTP) translates the same
    expect(translateError(await translator('en'), exceeded.toJSON())).toBe(translateError(await translator('en'), exceeded));
  });

  it('show every budget money error and reason in yuan; fen never appear', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    const release = new ApiError('release_exceeds_commitment', '', { held: 1_000, amount: 1_001 });
    const transfer = new ApiError('transfer_exceeds_available', '', { available: 5_000, amount: 5_001 });
    expect(translateError(zh, release)).toBe('释放金额超过该单据的占用（¥10.00）。');
    expect(translateError(en, release)).toBe('The release exceeds what this document holds (¥10.00).');
    expect(translateError(zh, transfer)).toBe('调出金额 ¥50.01 超过调出单元的可用余额 ¥50.00：调拨不能使其低于已占用与已发生的金额。');
    expect(translateError(en, transfer)).toContain('The transfer of ¥50.01 exceeds the ¥50.00 available');
    const below = { reason: 'v.below_used', params: { used: 80_000, allocated: 100_000, limit: 52_500 } };
    expect(translateIssue(zh, below)).toBe('不能低于已占用与已发生的 ¥800.00');
    expect(translateIssue(en, { reason: 'v.over_block_limit', params: { used: 120_000, allocated: 100_000, limit: 110_000 } })).toBe(
      'Committed and spent ¥1,200.00 exceed the block limit ¥1,100.00',
    );
    // negative amounts keep their sign in front of the ¥
    expect(translateError(en, new ApiError('transfer_exceeds_available', '', { available: -250, amount: 100 }))).toContain('the -¥2.50 available');

    // no text of the catalogues speaks of fen next to a placeholder: money is formatted, not labelled
    for (const lng of ['zh-CN', 'en'] as const) {
      const cat = messages[lng] as Record<string, Record<string, unknown>>;
      for (const section of ['errors', 'v']) {
        for (const [k, text] of Object.entries(cat[section]!)) {
          expect([lng, k, /\}\}\s*(分|fen\b)/.test(String(text))]).toEqual([lng, k, false]);
        }
      }
    }
  });

  it('format only the declared money params (and any *Fen param); other numbers and ready text stay', async () => {
    const en = await translator('en');
    // `limit` is a row count here, not money
    expect(translateError(en, new ApiError('excel_too_many_rows', '', { limit: 100_000 }))).toBe('The sheet has more rows than allowed (at most 100000).');
    expect(messageParams('errors.anything', { thresholdFen: 250_050, count: 3 })).toEqual({ thresholdFen: '¥2,500.50', count: 3 });
    // params a caller formatted already pass through untouched
    expect(messageParams('errors.budget_exceeded', { available: '¥1.00', limit: 200, amount: 300 })).toEqual({ available: '¥1.00', limit: '¥2.00', amount: '¥3.00' });
    // every key that declares money params exists in both catalogues
    for (const key of Object.keys(MONEY_PARAMS)) for (const lng of ['zh-CN', 'en'] as const) expect((await translator(lng)).exists(key)).toBe(true);
    // unknown codes and non-errors behave as before
    expect(translateError(en, new ApiError('no_such_code', 'raw message'))).toBe('raw message');
    expect(translateError(await translator('zh-CN'), new Error('boom'))).toBe('发生意外错误，请重试或联系管理员。');
    expect(translateIssue(en, { reason: 'x.unknown_reason' })).toBe('x.unknown_reason');
  });
});

describe('scope refusals', () => {
  it('out_of_scope names the caller’s scope (the core’s Scope.error sends it); an owner outside the unit has its reason', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    // as electron/core/auth/scope.ts sends it: the refused unit's id (not its name) and the caller's units
    const refused = new ApiError('out_of_scope', '', { orgUnitId: 17, scope: 'QJ 曲靖分公司' });
    expect(translateError(zh, refused)).toBe('该组织不在您的权限范围（QJ 曲靖分公司）内。');
    expect(translateError(en, refused)).toBe('This org unit is outside your scope (QJ 曲靖分公司).');
    expect(translateIssue(zh, { reason: 'v.owner_scope' })).toBe('该用户的权限范围不包含此组织');
    expect(translateIssue(en, { reason: 'v.owner_scope' })).toBe("This user's scope does not include the org unit");
  });
});
