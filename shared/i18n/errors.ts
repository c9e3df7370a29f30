/**
 * Error codes (ApiError.code) and validation reasons (FieldIssue.reason, "v.*"), in both languages.
 * The core sends codes and params only; the UI translates here.
 */
export const zh = {
  errors: {
    validation: '输入有误，请检查标出的字段。', not_found: '记录不存在或已被删除。', conflict: '操作冲突，请刷新后重试。',
    stale: '该记录已被他人修改，已为您加载最新内容。', duplicate: '编码或名称已存在。', referenced: '引用的记录不存在或仍在使用。',
    forbidden: '您的角色无权执行此操作。', out_of_scope: '该组织不在您的权限范围内。', unauthenticated: '请先登录。',
    session_expired: '登录已过期，请重新登录。', invalid_credentials: '用户名或密码错误。',
    throttled: '失败次数过多，请在 {{seconds}} 秒后再试。', user_inactive: '该用户已停用。',
    already_initialized: '此数据目录已经有公司数据。', not_initialized: '尚未初始化。', unknown_method: '未知的操作。',
    internal: '发生意外错误，请重试或联系管理员。', busy: '数据库繁忙，请稍后再试。', has_active_children: '请先停用下级组织。',
    nothing_to_hand_over: '该用户在您的范围内没有渠道合作伙伴。', too_large: '提交的内容过大。', network: '无法连接到服务，请检查程序是否在运行。',
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
  },
};

export const en: typeof zh = {
  errors: {
    validation: 'Some input is invalid; check the marked fields.', not_found: 'The record does not exist or was removed.', conflict: 'Conflicting change; reload and try again.',
    stale: 'Someone else changed this record; the current values have been loaded.', duplicate: 'This code or name already exists.', referenced: 'A referenced record does not exist or is still in use.',
    forbidden: 'Your role may not do this.', out_of_scope: 'This org unit is outside your scope.', unauthenticated: 'Please sign in.',
    session_expired: 'Your session has expired; please sign in again.', invalid_credentials: 'Wrong username or password.',
    throttled: 'Too many failed attempts; try again in {{seconds}} seconds.', user_inactive: 'This user is deactivated.',
    already_initialized: 'This data folder already holds a company.', not_initialized: 'Not set up yet.', unknown_method: 'Unknown operation.',
    internal: 'Something went wrong. Try again or contact your administrator.', busy: 'The database is busy; try again shortly.', has_active_children: 'Deactivate the units below this one first.',
    nothing_to_hand_over: 'This user owns no partners in your scope.', too_large: 'The request is too large.', network: 'Cannot reach the service; is the application running?',
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
  },
};
