export function OrgUnitsPage() { return null; }
