import { ApiError, type FieldIssue } from '../api/errors';
import { formatFen } from '../domain/money';

/**
 * Error codes (ApiError.code) and validation reasons (FieldIssue.reason, "v.*"), in both languages.
 * The core sends codes and params only; the UI translates here, through `translateError` and
 * `translateIssue` below, which also turn money params (integer fen) into ¥ amounts — the catalogue
 * texts never speak of fen.
 */
export const zh = {
  errors: {
    validation: '输入有误，请检查标出的字段。', not_found: '记录不存在或已被删除。', conflict: '操作冲突，请刷新后重试。',
    stale: '该记录已被他人修改，已为您加载最新内容。', duplicate: '编码或名称已存在。', referenced: '引用的记录不存在或仍在使用。',
    forbidden: '您的角色无权执行此操作。', out_of_scope: '该组织不在您的权限范围（{{scope}}）内。', unauthenticated: '请先登录。',
    session_expired: '登录已过期，请重新登录。', invalid_credentials: '用户名或密码错误。',
    throttled: '失败次数过多，请在 {{seconds}} 秒后再试。', user_inactive: '该用户已停用。',
    already_initialized: '此数据目录已经有公司数据。', not_initialized: '尚未初始化。', unknown_method: '未知的操作。',
    internal: '发生意外错误，请重试或联系管理员。', internal_ref: '发生意外错误，请重试；如仍出错，请将错误编号 {{ref}} 告知管理员。', busy: '数据库繁忙，请稍后再试。', has_active_children: '请先停用下级组织。',
    nothing_to_hand_over: '该用户在您的范围内没有渠道合作伙伴。', too_large: '提交的内容过大。', network: '无法连接到服务，请检查程序是否在运行。',
    // budgets
    ledger_append_only: '预算台账只能追加，不能修改或删除；请录入冲销分录。', history_append_only: '单据历史不能修改或删除。',
    period_closed: '预算期间 {{period}} 已关账，不能再记账。', period_open: '预算期间 {{period}} 未关账。',
    version_locked: '只有草稿或退回的预算版本可以修改。', self_approval: '您提交了此单据，须由另一位财务人员审批。',
    invalid_state: '单据当前状态不允许此操作。', open_version_exists: '该预算方案已有未完成的版本，请先完成或作废。',
    version_empty: '预算版本没有任何预算行。', no_budget_plan: '{{fiscalYear}} 年度没有预算方案。',
    budget_exceeded: '超出预算：可用 {{available}}，容差上限 {{limit}}，本次 {{amount}}。',
    release_exceeds_commitment: '释放金额超过该单据的占用（{{held}}）。',
    transfer_exceeds_available: '调出金额 {{amount}} 超过调出单元的可用余额 {{available}}：调拨不能使其低于已占用与已发生的金额。',
    budget_below_used: '有 {{cells}} 个预算单元将低于已占用与已发生金额，或超出控制上限。',
    reopen_second_user: '重新打开已关账期间须由一位财务人员申请、另一位财务人员确认。', reopen_pending: '期间 {{period}} 已有待确认的重新打开申请。',
    reopen_not_requested: '期间 {{period}} 没有待确认的重新打开申请。',
    ticket_invalid: '链接已过期或已使用，请重试。',
    backup_damaged: '备份文件已损坏，不能恢复（{{problem}}）。当前数据未作任何改动。', backup_foreign: '该文件不是渠道费用台的数据库，不能恢复。',
    backup_newer: '该备份由更新版本的渠道费用台生成，请先升级程序再恢复。',
  },
  v: {
    required: '必填', too_long: '过长（最多 {{max}} 个字符）', too_small: '不能小于 {{min}}', too_big: '不能大于 {{max}}',
    type: '格式不正确', choice: '必须是以下之一：{{options}}', invalid: '无效', code: '编码只能包含字母、数字、-、_、.',
    date: '日期格式应为 YYYY-MM-DD', period: '期间格式应为 YYYY-MM', integer_fen: '金额最多两位小数', non_negative: '不能为负数',
    star: '星级必须是 1 到 5 的整数', phone: '电话号码只能包含数字、+、- 和空格', bank_account: '银行账号只能包含数字',
    contract_dates: '合同结束日期不能早于开始日期', duplicate_code: '编码 {{code}} 已被使用', duplicate_username: '用户名已被使用',
    inactive_ref: '引用的记录不存在或已停用', org_kind: '该类型的组织不能放在此上级之下', range: '超出允许范围',
    password_short: '密码至少 8 位', username: '用户名只能包含字母、数字、_ . -', scope_required: '至少分配一个组织',
    same_user: '请选择两个不同的用户', own_role: '不能取消自己的管理员角色', own_user: '不能停用自己', unknown_field: '未知字段',
    amount: '不是有效的金额', money_decimals: '金额最多两位小数',
    positive: '必须大于 0', twelve_months: '需要 12 个月的金额', too_many_rows: '行数过多', duplicate: '有重复项',
    owner_scope: '该用户的权限范围不包含此组织', duplicate_plan: '该年度已有预算方案', period_year: '期间不在该预算行的年度内', out_of_scope: '不在您的权限范围内',
    partner_mismatch: '合作伙伴的渠道类型或组织与预算行不符', duplicate_line: '与第 {{row}} 行的预算行重复',
    period_closed: '{{period}} 已关账，不能修改', below_used: '不能低于已占用与已发生的 {{used}}',
    below_floor: '低于下限 {{floor}}（已占用与已发生 {{used}}），保存时会被拒绝',
    over_block_limit: '已占用与已发生的 {{used}} 超出刚性控制上限 {{limit}}', not_in_version: '该行不在此版本中',
    same_plan: '必须属于同一预算方案', same_cell: '调出与调入不能是同一预算单元', no_budget: '该预算行没有预算',
  },
};

export const en: typeof zh = {
  errors: {
    validation: 'Some input is invalid; check the marked fields.', not_found: 'The record does not exist or was removed.', conflict: 'Conflicting change; reload and try again.',
    stale: 'Someone else changed this record; the current values have been loaded.', duplicate: 'This code or name already exists.', referenced: 'A referenced record does not exist or is still in use.',
    forbidden: 'Your role may not do this.', out_of_scope: 'This org unit is outside your scope ({{scope}}).', unauthenticated: 'Please sign in.',
    session_expired: 'Your session has expired; please sign in again.', invalid_credentials: 'Wrong username or password.',
    throttled: 'Too many failed attempts; try again in {{seconds}} seconds.', user_inactive: 'This user is deactivated.',
    already_initialized: 'This data folder already holds a company.', not_initialized: 'Not set up yet.', unknown_method: 'Unknown operation.',
    internal: 'Something went wrong. Try again or contact your administrator.', internal_ref: 'Something went wrong. Try again; if it persists, give your administrator the error id {{ref}}.', busy: 'The database is busy; try again shortly.', has_active_children: 'Deactivate the units below this one first.',
    nothing_to_hand_over: 'This user owns no partners in your scope.', too_large: 'The request is too large.', network: 'Cannot reach the service; is the application running?',
    // budgets
    ledger_append_only: 'The budget ledger is append-only; post a counter-entry instead.', history_append_only: 'Document history cannot be changed or deleted.',
    period_closed: 'Budget period {{period}} is closed; nothing more can be posted in it.', period_open: 'Budget period {{period}} is not closed.',
    version_locked: 'Only a draft or returned budget version can be edited.', self_approval: 'You submitted this document; another finance user must decide it.',
    invalid_state: 'The document\'s current state does not allow this.', open_version_exists: 'This plan already has a version in progress; finish or cancel it first.',
    version_empty: 'The budget version has no lines.', no_budget_plan: 'There is no budget plan for {{fiscalYear}}.',
    budget_exceeded: 'Over budget: available {{available}}, tolerance limit {{limit}}, requested {{amount}}.',
    release_exceeds_commitment: 'The release exceeds what this document holds ({{held}}).',
    transfer_exceeds_available: 'The transfer of {{amount}} exceeds the {{available}} available on the source cell: a transfer cannot take it below what is committed and spent.',
    budget_below_used: '{{cells}} budget cell(s) would fall below what is committed and spent, or past their block limit.',
    reopen_second_user: 'A closed period is reopened at the request of one finance user and confirmed by another.', reopen_pending: 'Period {{period}} already has a reopening request waiting for confirmation.',
    reopen_not_requested: 'Period {{period}} has no reopening request to confirm.',
    ticket_invalid: 'This link has expired or was already used; please try again.',
    backup_damaged: 'The backup file is damaged and cannot be restored ({{problem}}). Nothing was changed.', backup_foreign: 'This file is not a Channel Cost Desk database and cannot be restored.',
    backup_newer: 'This backup was made by a newer version of Channel Cost Desk; update the app before restoring it.',
  },
  v: {
    required: 'Required', too_long: 'Too long (at most {{max}} characters)', too_small: 'Must be at least {{min}}', too_big: 'Must be at most {{max}}',
    type: 'Wrong format', choice: 'Must be one of: {{options}}', invalid: 'Invalid', code: 'Codes may contain letters, digits, -, _ and . only',
    date: 'Dates are YYYY-MM-DD', period: 'Periods are YYYY-MM', integer_fen: 'Amounts have at most two decimals', non_negative: 'Must not be negative',
    star: 'Star rating must be a whole number from 1 to 5', phone: 'Phone numbers may contain digits, +, - and spaces only', bank_account: 'Bank accounts contain digits only',
    contract_dates: 'Contract end cannot be before its start', duplicate_code: 'Code {{code}} is already used', duplicate_username: 'This username is taken',
    inactive_ref: 'The referenced record does not exist or is inactive', org_kind: 'This kind of unit cannot sit under that parent', range: 'Out of the allowed range',
    password_short: 'Passwords have at least 8 characters', username: 'Usernames may contain letters, digits, _ . - only', scope_required: 'Assign at least one org unit',
    same_user: 'Choose two different users', own_role: 'You cannot remove your own administrator role', own_user: 'You cannot deactivate yourself', unknown_field: 'Unknown field',
    amount: 'Not a valid amount', money_decimals: 'Amounts have at most two decimals',
    positive: 'Must be greater than 0', twelve_months: 'Twelve month amounts are needed', too_many_rows: 'Too many rows', duplicate: 'Contains duplicates',
    owner_scope: 'This user\'s scope does not include the org unit', duplicate_plan: 'There is already a plan for this year', period_year: 'The period is outside the line\'s fiscal year', out_of_scope: 'Outside your scope',
    partner_mismatch: 'The partner\'s channel type or org unit does not match the line', duplicate_line: 'Same budget line as row {{row}}',
    period_closed: '{{period}} is closed and cannot change', below_used: 'Cannot be below the {{used}} already committed and spent',
    below_floor: 'Below the floor of {{floor}} (committed and spent: {{used}}); a save would be refused',
    over_block_limit: 'Committed and spent {{used}} exceed the block limit {{limit}}', not_in_version: 'This line is not in the version',
    same_plan: 'Must belong to the same plan', same_cell: 'Source and target cannot be the same cell', no_budget: 'This line has no budget',
  },
};

/**
 * Params that carry money (integer fen), per message key: they are shown as ¥ amounts
 * (`formatFen`, e.g. 400100 → "¥4,001.00") in every language. Listed by key because the same
 * name means other things elsewhere (`limit` is a row count in `errors.excel_too_many_rows`).
 * Besides these, any param whose name ends in `Fen` (e.g. `thresholdFen`) is money wherever it
 * appears - the convention for new messages.
 */
export const MONEY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'errors.budget_exceeded': ['available', 'limit', 'amount'],
  'errors.release_exceeds_commitment': ['held', 'amount'],
  'errors.transfer_exceeds_available': ['available', 'amount'],
  'errors.budget_warn_confirm': ['available', 'limit', 'amount'],
  'errors.claim_exceeds_request': ['remaining', 'max', 'amount'],
  'errors.payment_exceeds': ['left', 'amount'],
  'errors.proof_required': ['threshold', 'amount'],
  'v.below_used': ['used', 'allocated', 'limit'],
  'v.below_floor': ['floor', 'used'],
  'v.over_block_limit': ['used', 'allocated', 'limit'],
};

export const isMoneyParam = (key: string, name: string) => name.endsWith('Fen') || (MONEY_PARAMS[key]?.includes(name) ?? false);

/** The params of a message ready for interpolation: money params (numbers) become ¥ amounts, the rest stay. */
export function messageParams(key: string, params: Record<string, string | number> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params ?? {})) out[name] = typeof v === 'number' && Number.isSafeInteger(v) && isMoneyParam(key, name) ? formatFen(v) : v;
  return out;
}

/** What the translations need of an i18n library (i18next's `exists` and `t`). */
export interface Translator {
  exists(key: string): boolean;
  t(key: string, params: Record<string, string | number>): string;
}

/** One line for a failed call (an ApiError or its JSON shape), in the translator's language. */
export function translateError(tr: Translator, e: unknown): string {
  if (e instanceof ApiError || (typeof e === 'object' && e && 'code' in e)) {
    const err = e as ApiError;
    // an unexpected error carries the id under which the core logged it
    const key = err.code === 'internal' && err.params?.ref ? 'errors.internal_ref' : `errors.${err.code}`;
    return tr.exists(key) ? tr.t(key, messageParams(key, err.params)) : (err.message ?? tr.t('errors.internal', {}));
  }
  return tr.t('errors.internal', {});
}

/** The reason of one field issue, translated; an unknown reason is shown as itself. */
export function translateIssue(tr: Translator, issue: Pick<FieldIssue, 'reason' | 'params'>): string {
  return tr.exists(issue.reason) ? tr.t(issue.reason, messageParams(issue.reason, issue.params)) : issue.reason;
}
