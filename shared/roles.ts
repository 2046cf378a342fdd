// Who may do what. Viewers read; operators work orders; admins also manage users, tokens of others and mall accounts.
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What the pane and the server's messages call each role. */
export const ROLE_LABELS: Record<Role, { ko: string; en: string }> = {
  admin: { ko: '관리자', en: 'Admin' },
  operator: { ko: '운영자', en: 'Operator' },
  viewer: { ko: '조회자', en: 'Viewer' },
};

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** Viewers see recipients masked (PRODUCT.md §6.6): personal data only for those who work the orders. */
export function seesPersonalData(role: Role): boolean {
  return hasRole(role, 'operator');
}
