import type { Role } from '@shared/api/define';

/**
 * What the UI offers to a role (mirrors electron/core/master; the core enforces it regardless).
 * Partners: channel staff and administrators write within their scope; approvers and
 * administrators hand partners over; catalogues, org units and users are administrators' work.
 */
export function masterPermissions(role: Role) {
  return {
    writePartners: role === 'channel_staff' || role === 'admin',
    handover: role === 'approver' || role === 'admin',
    admin: role === 'admin',
  };
}
